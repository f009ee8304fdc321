import type { CurrentUser } from '@shiftdesk/shared-api-contract';
import type { AuthenticatedUser } from './authenticated-user';

export function toCurrentUser(user: AuthenticatedUser): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    agentId: user.agentId,
    teamIds: [...user.teamIds],
    passwordExpiresAt: user.passwordExpiresAt,
  };
}
