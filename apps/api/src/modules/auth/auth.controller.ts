import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CurrentUser, LoginResponse } from '@shiftdesk/shared-api-contract';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { BeforeOwnPassword, Public } from './auth.constants';
import { AuthService } from './auth.service';
import { AuthUser, type AuthenticatedUser } from './authenticated-user';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { toCurrentUser } from './user.mapper';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password);
  }

  @ApiBearerAuth()
  @BeforeOwnPassword()
  @Post('logout')
  @HttpCode(204)
  async logout(@AuthUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.sessionId);
  }

  /** 204; the caller's other sessions end (see AuthService.changePassword). */
  @ApiBearerAuth()
  @BeforeOwnPassword()
  @Post('password')
  @HttpCode(204)
  async changePassword(@AuthUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @ApiBearerAuth()
  @BeforeOwnPassword()
  @Get('me')
  me(@AuthUser() user: AuthenticatedUser): CurrentUser {
    return toCurrentUser(user);
  }
}
