import { ApiProperty } from '@nestjs/swagger';
import type { SetAgentPasswordRequest } from '@shiftdesk/shared-api-contract';
import { PasswordField } from '../../auth/dto/password-field';

export class SetAgentPasswordDto implements SetAgentPasswordRequest {
  @ApiProperty({ minLength: 8, maxLength: 200 })
  @PasswordField()
  password!: string;
}
