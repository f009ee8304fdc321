import { Injectable, NotFoundException } from '@nestjs/common';
import {
  COVERAGE_PRESET_NAMES,
  type CoveragePreset,
  type CoverageRule as CoverageRuleContract,
  type CreateCoverageRuleRequest,
  type LabourRuleValues,
  type TeamSettings,
  type UpdateCoverageRuleRequest,
  type UpdateTeamSettingsRequest,
} from '@shiftdesk/shared-api-contract';
import { COVERAGE_PRESETS, createCoverageRuleFromPreset, validateCoverageRule, type CoverageRule } from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badField, badFields } from '../schedule/schedule-errors';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { CoverageRuleEntity } from './coverage-rule.entity';
import { toCoverageRule, toCoverageRuleEntity, toDomainCoverageRule } from './coverage-rule.mapper';
import { generateWebhookSecret } from '../webhooks/webhook-signature';
import { TeamSettingsEntity } from './team-settings.entity';

/** Team labour values a manager may set; `nullable` ones accept null (check off). */
const LABOUR_VALUE_KEYS: Record<keyof LabourRuleValues, { nullable: boolean; max: number }> = {
  minRestHours: { nullable: false, max: 48 },
  maxShiftHours: { nullable: false, max: 24 },
  maxConsecutiveDays: { nullable: false, max: 31 },
  minConsecutiveDays: { nullable: true, max: 14 },
  minConsecutiveDaysOff: { nullable: true, max: 14 },
  maxWorkingWeekendsPer4Weeks: { nullable: true, max: 4 },
  weeklyRestHours: { nullable: false, max: 168 },
  weeklyHoursTolerance: { nullable: true, max: 168 },
  maxWeeklyHours: { nullable: true, max: 168 },
  averagingWeeks: { nullable: true, max: 52 },
};

@Injectable()
export class CoverageRulesService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
  ) {}

  presets(): CoveragePreset[] {
    return COVERAGE_PRESET_NAMES.map((name) => {
      const preset = COVERAGE_PRESETS[name];
      return { name, label: preset.label, kind: preset.kind, window: preset.window ? { ...preset.window } : null, hoursPerDay: preset.hoursPerDay };
    });
  }

  async list(user: AuthenticatedUser, teamId: string): Promise<CoverageRuleContract[]> {
    await this.source.readableTeam(user, teamId);
    const rows = await this.source.manager.find(CoverageRuleEntity, { where: { teamId }, order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toCoverageRule);
  }

  async get(user: AuthenticatedUser, teamId: string, id: string): Promise<CoverageRuleContract> {
    await this.source.readableTeam(user, teamId);
    return toCoverageRule(await this.load(teamId, id));
  }

  /** From a preset (`{ preset, timeZone?, minAgents?, weekdays? }`) or the full shape. */
  async create(user: AuthenticatedUser, teamId: string, request: CreateCoverageRuleRequest): Promise<CoverageRuleContract> {
    const team = await this.source.managedTeam(user, teamId);
    const id = randomUUID();
    const base: CoverageRule = request.preset
      ? createCoverageRuleFromPreset({
          preset: request.preset,
          timeZone: request.timeZone ?? team.timeZone,
          minAgents: request.minAgents ?? 1,
          ...(request.weekdays ? { weekdays: request.weekdays } : {}),
          ...(request.name ? { name: request.name } : {}),
          id,
          teamId,
        })
      : {
          id,
          teamId,
          name: request.name ?? '',
          kind: request.kind ?? 'window',
          timeZone: request.timeZone ?? team.timeZone,
          windows: request.windows ?? {},
          minAgents: request.minAgents as number,
          exceptions: [],
        };
    if (!request.preset && request.minAgents === undefined) throw badField('minAgents', 'is required: how many agents must be on shift, at least 1');
    if (request.preset && request.kind !== undefined) throw badField('kind', 'comes from the preset; leave it out or give no preset');
    if (request.preset && request.windows !== undefined) throw badField('windows', 'come from the preset; leave them out or give no preset');
    const rule = this.checked(applyOptional(base, request));
    const now = nowIso();
    const row = toCoverageRuleEntity(rule, now, now);
    await this.transactions.run((manager) => manager.insert(CoverageRuleEntity, row));
    await this.changes.changed(teamId);
    return toCoverageRule(row);
  }

  async update(user: AuthenticatedUser, teamId: string, id: string, request: UpdateCoverageRuleRequest): Promise<CoverageRuleContract> {
    await this.source.managedTeam(user, teamId);
    const row = await this.transactions.run(async (manager) => {
      const current = await manager.findOneBy(CoverageRuleEntity, { id, teamId });
      if (!current) throw new NotFoundException(`No coverage rule with id ${id} in this team`);
      const merged: CoverageRule = {
        ...toDomainCoverageRule(toCoverageRule(current)),
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.kind !== undefined ? { kind: request.kind } : {}),
        ...(request.timeZone !== undefined ? { timeZone: request.timeZone } : {}),
        ...(request.windows !== undefined ? { windows: request.windows } : {}),
        ...(request.minAgents !== undefined ? { minAgents: request.minAgents } : {}),
      };
      const next = toCoverageRuleEntity(this.checked(applyOptional(merged, request)), current.createdAt, nowIso());
      await manager.save(CoverageRuleEntity, next);
      return next;
    });
    await this.changes.changed(teamId);
    return toCoverageRule(row);
  }

  async remove(user: AuthenticatedUser, teamId: string, id: string): Promise<void> {
    await this.source.managedTeam(user, teamId);
    await this.transactions.run(async (manager) => {
      const result = await manager.delete(CoverageRuleEntity, { id, teamId });
      if (!result.affected) throw new NotFoundException(`No coverage rule with id ${id} in this team`);
    });
    await this.changes.changed(teamId);
  }

  /** Readable by managers of the team (shrinkage and contracts are planning data). */
  async settings(user: AuthenticatedUser, teamId: string): Promise<TeamSettings> {
    await this.source.managedTeamForRead(user, teamId);
    return this.source.loadSettings(this.source.manager, teamId);
  }

  /**
   * Scheduling values and the team's webhook. The signing secret is generated when the first URL
   * is set (or on `rotateWebhookSecret`) and returned in THAT answer only; removing the URL
   * removes the secret too, so the next URL gets a fresh one. Changing to another URL keeps the
   * secret the receiver already knows.
   */
  async updateSettings(user: AuthenticatedUser, teamId: string, request: UpdateTeamSettingsRequest): Promise<TeamSettings> {
    await this.source.managedTeam(user, teamId);
    const labourRules = request.labourRules !== undefined ? checkLabourValues(request.labourRules) : undefined;
    const settings = await this.transactions.run(async (manager) => {
      const current = await this.source.loadSettings(manager, teamId);
      const stored = await manager.findOne(TeamSettingsEntity, { select: { teamId: true, webhookSecret: true }, where: { teamId } });
      const webhookUrl = request.webhookUrl !== undefined ? request.webhookUrl : current.webhookUrl;
      let webhookSecret = webhookUrl === null ? null : (stored?.webhookSecret ?? null);
      let shownSecret: string | undefined;
      if (request.rotateWebhookSecret && webhookUrl === null) throw badField('rotateWebhookSecret', 'needs a webhook URL: set webhookUrl (a first URL gets a secret anyway)');
      if (webhookUrl !== null && (webhookSecret === null || request.rotateWebhookSecret)) {
        webhookSecret = generateWebhookSecret();
        shownSecret = webhookSecret;
      }
      const next: TeamSettings = {
        ...current,
        ...(request.shrinkage !== undefined ? { shrinkage: request.shrinkage } : {}),
        ...(request.contractHoursPerWeek !== undefined ? { contractHoursPerWeek: request.contractHoursPerWeek } : {}),
        ...(request.labourRulePreset !== undefined ? { labourRulePreset: request.labourRulePreset } : {}),
        ...(labourRules !== undefined ? { labourRules } : {}),
        ...(request.requestApproval !== undefined ? { requestApproval: request.requestApproval } : {}),
        webhookUrl,
        webhookSecretSet: webhookSecret !== null,
      };
      await manager.save(TeamSettingsEntity, {
        teamId,
        shrinkage: next.shrinkage,
        contractHoursPerWeek: next.contractHoursPerWeek,
        labourRulePreset: next.labourRulePreset,
        labourRules: JSON.stringify(next.labourRules),
        webhookUrl,
        webhookSecret,
        requestApproval: next.requestApproval,
        updatedAt: nowIso(),
      });
      return shownSecret === undefined ? next : { ...next, webhookSecret: shownSecret };
    });
    // The webhook alone does not change the schedule: no rescan for it.
    const scheduling = (['shrinkage', 'contractHoursPerWeek', 'labourRulePreset', 'labourRules'] as const).some((key) => request[key] !== undefined);
    if (scheduling) await this.changes.changed(teamId);
    return settings;
  }

  private async load(teamId: string, id: string): Promise<CoverageRuleEntity> {
    const row = await this.source.manager.findOneBy(CoverageRuleEntity, { id, teamId });
    if (!row) throw new NotFoundException(`No coverage rule with id ${id} in this team`);
    return row;
  }

  private checked(rule: CoverageRule): CoverageRule {
    const validation = validateCoverageRule(rule);
    if (!validation.ok) throw badFields(validation.errors);
    return rule;
  }
}

/** Language, channel, validity and exceptions: the same for presets and full rules; null removes. */
function applyOptional(rule: CoverageRule, request: UpdateCoverageRuleRequest): CoverageRule {
  const next: CoverageRule = { ...rule };
  if (request.language !== undefined) {
    if (request.language === null) delete next.language;
    else next.language = { code: request.language.code, minLevel: request.language.minLevel };
  }
  for (const key of ['channel', 'validFrom', 'validTo'] as const) {
    const value = request[key];
    if (value === null) delete next[key];
    else if (value !== undefined) Object.assign(next, { [key]: value });
  }
  if (request.exceptions !== undefined) next.exceptions = request.exceptions;
  return next;
}

/** Rebuilt field by field after validation: JSON objects are not whitelisted by the pipe. */
function checkLabourValues(values: LabourRuleValues): LabourRuleValues {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(values)) {
    const spec = LABOUR_VALUE_KEYS[key as keyof LabourRuleValues];
    const field = `labourRules.${key}`;
    if (!spec) throw badField(field, `is not a labour rule; use ${Object.keys(LABOUR_VALUE_KEYS).join(', ')}`);
    if (value === null) {
      if (!spec.nullable) throw badField(field, 'cannot be switched off; give a number');
      out[key] = null;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > spec.max) throw badField(field, `must be a number from 0 to ${spec.max}`);
    out[key] = value;
  }
  return out as LabourRuleValues;
}
