import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@shiftdesk/shared-api-contract';
import { BEFORE_OWN_PASSWORD, IS_PUBLIC, ROLES_KEY } from './auth.constants';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './authenticated-user';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('Sign in first: send "Authorization: Bearer <token>" from POST /api/auth/login');
    const user = await this.auth.authenticate(match[1]);
    if (!user) throw new UnauthorizedException('Your session has expired or is not valid; sign in again');
    request.user = user;
    if (user.passwordExpiresAt && !this.reflector.getAllAndOverride<boolean>(BEFORE_OWN_PASSWORD, targets)) {
      throw new ForbiddenException('Choose your own password first: POST /api/auth/password with the temporary one as currentPassword');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
