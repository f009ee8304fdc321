import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AddTeamManagerRequest } from '@shiftdesk/shared-api-contract';
import { EmailField, IsPresentThenValid, IsRealName } from '../../../common/validators';
import { PasswordField } from '../../auth/dto/password-field';

export class AddTeamManagerDto implements AddTeamManagerRequest {
  @ApiProperty({ example: 'olga.manager@example.com' })
  @EmailField()
  email!: string;

  @ApiPropertyOptional({ example: 'Olga Smirnova', description: 'Needed when no manager account has this email yet' })
  @IsPresentThenValid()
  @IsRealName()
  displayName?: string;

  @ApiPropertyOptional({ minLength: 8, maxLength: 200, description: 'Needed when no manager account has this email yet' })
  @IsPresentThenValid()
  @PasswordField()
  password?: string;
}
