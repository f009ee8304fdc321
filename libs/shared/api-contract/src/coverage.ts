import type { Page, PageQuery } from './common';
import { REQUEST_WEBHOOK_EVENT_TYPES, type RequestApprovalPolicy, type RequestWebhookEventType, type ShiftRequest } from './requests';
import type { Channel, LanguageLevel } from './vocabulary';

// Coverage rules, coverage, gaps, labour-rule violations, staffing and team settings (issue 3).
// Instants are ISO 8601 UTC strings; local dates/times travel with an IANA zone.

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** `end <= start` crosses midnight; `24:00` is allowed as an end. */
export interface CoverageWindow {
  start: string;
  end: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) → windows; a missing weekday is closed. */
export type CoverageWindowsByWeekday = Partial<Record<Weekday, CoverageWindow[]>>;

export interface CoverageLanguageRequirement {
  code: string;
  minLevel: LanguageLevel;
}

/** A dated exception: replaces that local date's windows (`[]` = closed) and optionally the head-count. */
export interface CoverageException {
  date: string;
  windows: CoverageWindow[];
  minAgents?: number;
}

export const COVERAGE_RULE_KINDS = ['window', 'always'] as const;
export type CoverageRuleKind = (typeof COVERAGE_RULE_KINDS)[number];

export const COVERAGE_PRESET_NAMES = ['12h', '14h', '16h', '18h', '24/7'] as const;
export type CoveragePresetName = (typeof COVERAGE_PRESET_NAMES)[number];

export interface CoverageRule {
  id: string;
  teamId: string;
  name: string;
  kind: CoverageRuleKind;
  timeZone: string;
  windows: CoverageWindowsByWeekday;
  minAgents: number;
  language: CoverageLanguageRequirement | null;
  channel: Channel | null;
  validFrom: string | null;
  validTo: string | null;
  exceptions: CoverageException[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Either a preset (`{ preset: '16h', timeZone, minAgents }`, optionally `weekdays` and `name`)
 * or the full shape (`name`, `kind`, `timeZone`, `windows`, `minAgents`, …). With a preset the
 * other fields (language, channel, validity, exceptions) may still be given.
 */
export interface CreateCoverageRuleRequest {
  preset?: CoveragePresetName;
  /** Open days of a window preset (default all seven). */
  weekdays?: Weekday[];
  name?: string;
  kind?: CoverageRuleKind;
  timeZone?: string;
  windows?: CoverageWindowsByWeekday;
  minAgents?: number;
  language?: CoverageLanguageRequirement | null;
  channel?: Channel | null;
  validFrom?: string | null;
  validTo?: string | null;
  exceptions?: CoverageException[];
}

export type UpdateCoverageRuleRequest = Omit<CreateCoverageRuleRequest, 'preset' | 'weekdays'>;

export interface CoveragePreset {
  name: CoveragePresetName;
  label: string;
  kind: CoverageRuleKind;
  window: CoverageWindow | null;
  hoursPerDay: number;
}

export const COVERAGE_GRANULARITIES_MINUTES = [5, 10, 15, 20, 30, 60] as const;
export const DEFAULT_COVERAGE_GRANULARITY_MINUTES = 15;
/** Longest window the read endpoints accept, in days. */
export const MAX_WINDOW_DAYS = 92;

export interface CoverageQuery {
  from?: string;
  to?: string;
  granularity?: number;
  /** Zone for the local labels (default: the team's zone). */
  tz?: string;
}

export interface CoverageBucketRule {
  ruleId: string;
  required: number;
  present: number;
  met: boolean;
}

export interface CoverageBucket {
  start: string;
  end: string;
  /** `YYYY-MM-DDTHH:mm` wall clock in the requested zone. */
  localStart: string;
  agents: number;
  channels: Record<Channel, number>;
  rules: CoverageBucketRule[];
}

export interface CoverageRuleSummary {
  ruleId: string;
  ruleName: string;
  requiredHours: number;
  metHours: number;
  metShare: number;
  shortfallAgentHours: number;
}

export interface CoverageResponse {
  teamId: string;
  from: string;
  to: string;
  tz: string;
  granularityMinutes: number;
  rules: CoverageRuleSummary[];
  buckets: CoverageBucket[];
}

export type GapSeverity = 'uncovered' | 'understaffed' | 'language' | 'channel' | 'single-point';

export interface GapsQuery {
  from?: string;
  to?: string;
  tz?: string;
  /** Include `single-point` warnings (default true). */
  warnings?: boolean;
}

export interface Gap {
  /** Stable while the gap starts at the same instant: `gap:<ruleId>:<start>`. */
  id: string;
  ruleId: string;
  ruleName: string;
  severity: GapSeverity;
  level: 'error' | 'warning';
  start: string;
  end: string;
  /** `YYYY-MM-DDTHH:mm` in the requested zone. */
  localStart: string;
  localEnd: string;
  required: number;
  present: number;
  shortfallAgentHours: number;
  language: CoverageLanguageRequirement | null;
  channel: Channel | null;
}

export interface GapsResponse {
  teamId: string;
  from: string;
  to: string;
  tz: string;
  gaps: Gap[];
}

export interface GapCandidatesQuery {
  start: string;
  end: string;
  ruleId: string;
}

export interface GapCandidate {
  agentId: string;
  displayName: string;
  fill: 'new-shift' | 'extend-shift';
  extendsShiftIds: string[];
  proposedShift: { start: string; end: string };
  weekHoursBefore: number;
  contractHoursPerWeek: number;
  headroomHours: number;
  languageLevel: LanguageLevel | null;
}

export interface GapCandidatesResponse {
  ruleId: string;
  start: string;
  end: string;
  candidates: GapCandidate[];
}

export interface LabourViolation {
  agentId: string;
  agentName: string;
  /** overlap, min-rest, max-shift-length, max-consecutive-days, weekly-rest, weekly-hours, … */
  code: string;
  shiftIds: string[];
  message: string;
  start: string;
  end: string;
  /** Hours (days for max-consecutive-days). */
  actual: number;
  limit: number;
}

export interface ViolationsResponse {
  teamId: string;
  from: string;
  to: string;
  violations: LabourViolation[];
}

export interface StaffingQuery {
  /** Local date (team zone) the week starts on; default this week's Monday. */
  weekStart?: string;
}

export interface RuleStaffing {
  ruleId: string;
  ruleName: string;
  seatHoursPerWeek: number;
  contractHoursPerWeek: number;
  shrinkage: number;
  productiveHoursPerAgent: number;
  headCount: number;
  agentsNeeded: number;
  eligibleAgents: number;
  eligibleProductiveHours: number;
  shortfallAgents: number;
}

export interface StaffingResponse {
  teamId: string;
  weekStart: string;
  shrinkage: number;
  contractHoursPerWeek: number;
  rules: RuleStaffing[];
  seatHoursPerWeek: number;
  headCount: number;
  agentsNeeded: number;
  activeAgents: number;
  productiveHours: number;
  shortfallAgents: number;
}

// ---- Team settings ----------------------------------------------------------------------

export const LABOUR_RULE_PRESET_NAMES = ['default', 'eu-working-time-directive', 'ru-labour-code'] as const;
export type LabourRulePresetName = (typeof LABOUR_RULE_PRESET_NAMES)[number];

/** Explicit team values on top of the preset; `null` switches a nullable check off. */
export interface LabourRuleValues {
  minRestHours?: number;
  maxShiftHours?: number;
  maxConsecutiveDays?: number;
  /** Shortest run of working days between days off; null = no minimum (the default). */
  minConsecutiveDays?: number | null;
  /** Shortest run of days off between two working days; null = no minimum (the default). */
  minConsecutiveDaysOff?: number | null;
  /** Most working weekends in any four consecutive weeks; null = no cap (the default). */
  maxWorkingWeekendsPer4Weeks?: number | null;
  weeklyRestHours?: number;
  weeklyHoursTolerance?: number | null;
  maxWeeklyHours?: number | null;
  averagingWeeks?: number | null;
}

export const DEFAULT_SHRINKAGE = 0.3;

export interface TeamSettings {
  teamId: string;
  /** Share of contract hours lost to leave, sickness, training, breaks (0–0.9). */
  shrinkage: number;
  /** Reference contract for head-counts, hours per week. */
  contractHoursPerWeek: number;
  labourRulePreset: LabourRulePresetName;
  labourRules: LabourRuleValues;
  /**
   * http(s) URL that receives the team's events (`WebhookEvent`) as signed JSON POSTs; null when
   * none. Managers only: the settings are never shown to agents.
   */
  webhookUrl: string | null;
  /** Whether a signing secret exists (the secret itself is shown once, when it is generated). */
  webhookSecretSet: boolean;
  /** Who approves agents' swap, give-away and time-off requests. Default `manager`. */
  requestApproval: RequestApprovalPolicy;
  /**
   * Only in the answer that generated it (the first webhook URL, or `rotateWebhookSecret`): the
   * HMAC-SHA256 key for `X-Shiftdesk-Signature`. Never shown again.
   */
  webhookSecret?: string;
}

/** Webhook URLs longer than this (characters) are refused. */
export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * `webhookUrl`: http(s) only, at most `WEBHOOK_URL_MAX_LENGTH` characters; null removes the
 * webhook and its secret. Setting the first URL generates the signing secret, returned once in
 * that answer.
 */
export type UpdateTeamSettingsRequest = Partial<Omit<TeamSettings, 'teamId' | 'webhookSecretSet' | 'webhookSecret'>> & {
  /** true replaces the signing secret (the team needs a webhook URL); the answer carries the new one, once. */
  rotateWebhookSecret?: boolean;
};

// ---- Gap alerts -------------------------------------------------------------------------

/** open → resolved when filled (→ open again if it comes back); acknowledged = deliberate, not flagged. */
export const GAP_ALERT_STATUSES = ['open', 'resolved', 'acknowledged'] as const;
export type GapAlertStatus = (typeof GAP_ALERT_STATUSES)[number];

export interface GapAlert {
  id: string;
  teamId: string;
  ruleId: string;
  ruleName: string;
  severity: GapSeverity;
  start: string;
  end: string;
  required: number;
  present: number;
  status: GapAlertStatus;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
}

export interface AlertsQuery {
  status?: GapAlertStatus;
}

export interface AlertsResponse {
  teamId: string;
  /**
   * Open alerts whose span has not ended yet (for the manager's home screen badge). A gap that
   * passed unfilled stays in `alerts` with status `open` but is not counted here.
   */
  openCount: number;
  alerts: GapAlert[];
}

// ---- Webhooks ---------------------------------------------------------------------------

export const GAP_WEBHOOK_EVENT_TYPES = ['gap.opened', 'gap.resolved', 'gap.acknowledged'] as const;
export type GapWebhookEventType = (typeof GAP_WEBHOOK_EVENT_TYPES)[number];
export const WEBHOOK_EVENT_TYPES = [...GAP_WEBHOOK_EVENT_TYPES, ...REQUEST_WEBHOOK_EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The JSON body POSTed to a team's webhook URL. Headers: `X-Shiftdesk-Event` (the type),
 * `X-Shiftdesk-Delivery` (the delivery id, the same on every retry: use it to drop duplicates),
 * `X-Shiftdesk-Timestamp` (Unix seconds of this attempt) and `X-Shiftdesk-Signature`:
 * `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the team's secret.
 */
export type WebhookEvent = GapWebhookEvent | RequestWebhookEvent;

export interface GapWebhookEvent {
  type: GapWebhookEventType;
  teamId: string;
  alert: GapAlert;
  /** When the change happened (UTC). */
  occurredAt: string;
}

/** A swap, give-away or time-off request changed state (`request.approved`…). */
export interface RequestWebhookEvent {
  type: RequestWebhookEventType;
  teamId: string;
  request: ShiftRequest;
  occurredAt: string;
}

/** pending → delivered on a 2xx answer, or → failed after the last attempt. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event queued for a team's webhook, with its attempts so far. */
export interface WebhookDelivery {
  id: string;
  teamId: string;
  eventType: WebhookEventType;
  payload: WebhookEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt; null when none answered. */
  lastStatusCode: number | null;
  /** Why the last attempt failed (timeout, connection refused, non-2xx); null otherwise. */
  lastError: string | null;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookDeliveriesQuery extends PageQuery {
  status?: WebhookDeliveryStatus;
}

/** The delivery log of a team, newest first. */
export type WebhookDeliveriesResponse = Page<WebhookDelivery>;
