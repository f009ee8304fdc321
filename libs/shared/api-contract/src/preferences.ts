// Shift preferences (issue 4): an agent's wish to work, or not to work, on a date or on weekdays,
// optionally in a window of the day. The roster generator honours them where it can; they are
// soft (cover and labour rules come first) and never block a manual shift or a swap.

/** `work`: give me a shift then; `off`: keep me free then. */
export const PREFERENCE_KINDS = ['work', 'off'] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

/** How much a preference weighs against the others (never against cover: one missing agent outweighs any). */
export const PREFERENCE_STRENGTHS = ['low', 'normal', 'strong'] as const;
export type PreferenceStrength = (typeof PREFERENCE_STRENGTHS)[number];

/** Most preferences one agent may keep at a time. */
export const MAX_PREFERENCES_PER_AGENT = 100;

export interface ShiftPreference {
  id: string;
  agentId: string;
  kind: PreferenceKind;
  /** One local date (YYYY-MM-DD) in `timeZone`, or null for a weekly preference. */
  date: string | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) of a weekly preference; empty when `date` is set. */
  weekdays: number[];
  /**
   * `HH:mm` window on the wall clock of `timeZone`; both null means the whole day. An end at or
   * before the start runs into the next day (22:00–06:00).
   */
  startTime: string | null;
  endTime: string | null;
  /** The zone the times were entered in: the agent's zone when the preference was made. */
  timeZone: string;
  strength: PreferenceStrength;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateShiftPreferenceRequest {
  agentId: string;
  kind: PreferenceKind;
  /** Exactly one of `date` and `weekdays`. */
  date?: string | null;
  weekdays?: number[];
  startTime?: string | null;
  endTime?: string | null;
  /** Default `normal`. */
  strength?: PreferenceStrength;
  note?: string | null;
}

export type UpdateShiftPreferenceRequest = Partial<Omit<CreateShiftPreferenceRequest, 'agentId'>>;

export interface ListShiftPreferencesQuery {
  /** An agent sees their own; a manager any agent of their teams. */
  agentId: string;
}

export interface ShiftPreferencesResponse {
  items: ShiftPreference[];
}
