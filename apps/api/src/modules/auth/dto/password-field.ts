import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A password someone chooses: the one rule for an agent's login, a reset and a change. */
export const PasswordField = (): PropertyDecorator =>
  applyDecorators(
    IsString({ message: 'must be text' }),
    MinLength(8, { message: 'must be at least 8 characters long' }),
    MaxLength(200, { message: 'must be at most 200 characters long' }),
  );
