export interface Team {
  id: string;
  name: string;
  description: string | null;
  /** IANA zone the team plans in by default (coverage targets, roster board). */
  timeZone: string;
  agentCount: number;
  createdAt: string;
}

export interface CreateTeamRequest {
  name: string;
  description?: string | null;
  timeZone: string;
}

export type UpdateTeamRequest = Partial<CreateTeamRequest>;

/** A manager of a team, as the team's managers see them. */
export interface TeamManager {
  userId: string;
  email: string;
  displayName: string;
  /** When they were made a manager of this team (UTC instant). */
  since: string;
}

/**
 * `POST /api/teams/:id/managers`: makes someone a manager of the team. An existing manager
 * account with this email is linked; otherwise a manager account is created, which needs
 * `displayName` and `password`. Emails that agents sign in with are refused.
 */
export interface AddTeamManagerRequest {
  email: string;
  /** For a new account: the person's name. */
  displayName?: string;
  /** For a new account: at least 8 characters; the person changes it on their account page. */
  password?: string;
}
