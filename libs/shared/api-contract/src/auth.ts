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
}

export interface LoginResponse {
  /** Opaque bearer token; send as `Authorization: Bearer <token>`. */
  token: string;
  /** ISO 8601 UTC instant after which the token stops working. */
  expiresAt: string;
  user: CurrentUser;
}
