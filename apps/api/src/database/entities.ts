import { AgentChannelEntity } from '../modules/agents/agent-channel.entity';
import { AgentLanguageEntity } from '../modules/agents/agent-language.entity';
import { AgentEntity } from '../modules/agents/agent.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { ShiftEntity } from '../modules/shifts/shift.entity';
import { ManagerTeamEntity } from '../modules/teams/manager-team.entity';
import { TeamEntity } from '../modules/teams/team.entity';
import { GapAlertEntity } from '../modules/alerts/gap-alert.entity';
import { CoverageRuleEntity } from '../modules/coverage/coverage-rule.entity';
import { TeamSettingsEntity } from '../modules/coverage/team-settings.entity';
import { OverrideEntity } from '../modules/overrides/override.entity';
import { RotationAgentEntity } from '../modules/rotations/rotation-agent.entity';
import { RotationEntity } from '../modules/rotations/rotation.entity';
import { JobLeaseEntity } from '../modules/jobs/job-lease.entity';
import { WebhookDeliveryEntity } from '../modules/webhooks/webhook-delivery.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { NoticeEntity } from '../modules/requests/notice.entity';
import { ShiftRequestEntity } from '../modules/requests/shift-request.entity';
import { RosterJobEntity } from '../modules/rosters/roster-job.entity';
import { FeedEntity } from '../modules/feeds/feed.entity';
import { FeedEventEntity } from '../modules/feeds/feed-event.entity';
import { CalendarImportEntity } from '../modules/feeds/calendar-import.entity';
import { UnavailabilitySpanEntity } from '../modules/feeds/unavailability-span.entity';
import { LoginLockoutEntity } from '../modules/auth/login-lockout.entity';
import { InitialSchema1767225600000 } from './migrations/1767225600000-initial-schema';
import { Schedule1767312000000 } from './migrations/1767312000000-schedule';
import { WebhooksAndJobLeases1767398400000 } from './migrations/1767398400000-webhooks-and-job-leases';
import { AuditTrail1767484800000 } from './migrations/1767484800000-audit-trail';
import { Requests1767571200000 } from './migrations/1767571200000-requests';
import { AgentAvailability1767830400000 } from './migrations/1767830400000-agent-availability';
import { BandEntity } from '../modules/pay/band.entity';
import { SalaryEntity } from '../modules/pay/salary.entity';
import { ExchangeRateEntity } from '../modules/pay/exchange-rate.entity';
import { MinimumWageEntity } from '../modules/pay/minimum-wage.entity';
import { PaySettingsEntity } from '../modules/pay/pay-settings.entity';
import { Pay1767744000000 } from './migrations/1767744000000-pay';
import { ShiftLocks1767916800000 } from './migrations/1767916800000-shift-locks';
import { RosterJobs1768003200000 } from './migrations/1768003200000-roster-jobs';
import { CalendarFeeds1767657600000 } from './migrations/1767657600000-calendar-feeds';
import { ShiftPreferenceEntity } from '../modules/preferences/shift-preference.entity';
import { ShiftPreferences1768435200000 } from './migrations/1768435200000-shift-preferences';
import { TemporaryPasswords1768521600000 } from './migrations/1768521600000-temporary-passwords';
import { ScheduleVersionEntity } from '../modules/schedule/schedule-version.entity';
import { FeedBodyEntity, FeedRenderEntity } from '../modules/feeds/feed-render.entity';
import { FeedRenders1768176000000 } from './migrations/1768176000000-feed-renders';
import { FeedBodies1768176100000 } from './migrations/1768176100000-feed-bodies';
import { LoginLockouts1768262400000 } from './migrations/1768262400000-login-lockouts';

// Listed explicitly: glob discovery finds nothing once webpack has bundled the app.
export const ENTITIES = [
  RegionEntity,
  TeamEntity,
  ManagerTeamEntity,
  AgentEntity,
  AgentLanguageEntity,
  AgentChannelEntity,
  UserEntity,
  SessionEntity,
  ShiftEntity,
  RotationEntity,
  RotationAgentEntity,
  OverrideEntity,
  CoverageRuleEntity,
  TeamSettingsEntity,
  GapAlertEntity,
  WebhookDeliveryEntity,
  JobLeaseEntity,
  AuditEntryEntity,
  ShiftRequestEntity,
  NoticeEntity,
  RosterJobEntity,
  BandEntity,
  SalaryEntity,
  ExchangeRateEntity,
  MinimumWageEntity,
  PaySettingsEntity,
  FeedEntity,
  FeedEventEntity,
  CalendarImportEntity,
  UnavailabilitySpanEntity,
  ShiftPreferenceEntity,
  ScheduleVersionEntity,
  FeedRenderEntity,
  FeedBodyEntity,
  LoginLockoutEntity,
];

/** In order of their timestamps; later issues append here. */
export const MIGRATIONS = [
  InitialSchema1767225600000,
  Schedule1767312000000,
  WebhooksAndJobLeases1767398400000,
  AuditTrail1767484800000,
  Requests1767571200000,
  CalendarFeeds1767657600000,
  Pay1767744000000,
  AgentAvailability1767830400000,
  ShiftLocks1767916800000,
  RosterJobs1768003200000,
  FeedRenders1768176000000,
  FeedBodies1768176100000,
  LoginLockouts1768262400000,
  ShiftPreferences1768435200000,
  TemporaryPasswords1768521600000,
];
