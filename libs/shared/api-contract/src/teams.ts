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
