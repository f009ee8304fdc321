import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@shiftdesk/shared-api-contract';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TrimLower } from '../../../common/validators';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'manager@demo.shiftdesk.local' })
  @TrimLower()
  @IsString({ message: 'must be your email address' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(254, { message: 'must be at most 254 characters long' })
  email!: string;

  @ApiProperty({ example: 'demo-manager' })
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  password!: string;
}
