import { createParamDecorator, type ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { Role } from '@shiftdesk/shared-api-contract';

/** Who is calling, resolved from the bearer token on every request. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  agentId: string | null;
  /** Teams the user manages (managers) or belongs to (agents: their agent's team). */
  teamIds: string[];
  sessionId: string;
  /** Set while the password is temporary: see UserEntity.passwordExpiresAt. */
  passwordExpiresAt: string | null;
}

export interface AuthenticatedRequest {
  user?: AuthenticatedUser;
}

/** Injects the caller; only on guarded routes, where the guard has already set it. */
export const AuthUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new UnauthorizedException('Sign in first');
  return user;
});

/** Managers act only on the teams they manage. */
export function assertManagesTeam(user: AuthenticatedUser, teamId: string): void {
  if (user.role !== 'manager' || !user.teamIds.includes(teamId)) {
    throw new ForbiddenException(user.role === 'manager' ? 'You do not manage this team' : 'Only managers of this team may do this');
  }
}

/** Managers of a team and its agents may read it. */
export function assertCanReadTeam(user: AuthenticatedUser, teamId: string): void {
  if (!user.teamIds.includes(teamId)) throw new ForbiddenException('You are not a member or manager of this team');
}
