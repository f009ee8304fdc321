import { applyDecorators } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@shiftdesk/shared-api-contract';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A password someone chooses: the one rule for an agent's login, a reset and a change. */
export const PasswordField = (): PropertyDecorator =>
  applyDecorators(
    IsString({ message: 'must be text' }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` }),
  );
