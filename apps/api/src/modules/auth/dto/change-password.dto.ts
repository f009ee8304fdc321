import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest } from '@shiftdesk/shared-api-contract';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PasswordField } from './password-field';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ example: 'demo-manager' })
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'is required: type the password you signed in with' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  currentPassword!: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @PasswordField()
  newPassword!: string;
}
