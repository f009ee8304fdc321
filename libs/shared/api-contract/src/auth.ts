import type { Role } from './vocabulary';

export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in user as the UI needs it. `agentId` is set for agent users only. */
export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  agentId: string | null;
  /** Teams this user manages (managers) or belongs to (agents). */
  teamIds: string[];
  /**
   * Set while the user signs in with a temporary password (a login made for an imported agent):
   * when it stops working. Until they choose their own (`POST /api/auth/password`), every other
   * request is refused with 403.
   */
  passwordExpiresAt: string | null;
}

export interface LoginResponse {
  /** Opaque bearer token; send as `Authorization: Bearer <token>`. */
  token: string;
  /** ISO 8601 UTC instant after which the token stops working. */
  expiresAt: string;
  user: CurrentUser;
}

/** Length rules for a password someone chooses (a login, a reset, a change): API and forms alike. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * `POST /api/auth/password`: the signed-in user changes their own password. Every other session
 * of the account ends; the one that asked stays signed in.
 */
export interface ChangePasswordRequest {
  currentPassword: string;
  /** PASSWORD_MIN_LENGTH to PASSWORD_MAX_LENGTH characters, and not the current password. */
  newPassword: string;
}
