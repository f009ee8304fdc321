import { type FormArray, type FormControl, type FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import { type Agent, type AvailabilityWindow, type Channel, CHANNELS, type CreateAgentRequest, type LanguageLevel, PASSWORD_MIN_LENGTH, type UpdateAgentRequest, type Weekday, type WorkMode } from '@shiftdesk/shared-api-contract';
import { atLeastOneValidator, timeZoneValidator, uniqueLanguagesValidator } from '../shared/validators';
import { AVAILABILITY_WEEKDAYS, type AvailabilityRows, DEFAULT_WINDOW, END_TIME_PATTERN, fromAvailability, START_TIME_PATTERN, toAvailability } from './availability-form';

export type LanguageRowForm = FormGroup<{ code: FormControl<string>; level: FormControl<LanguageLevel> }>;

export type AvailabilityWindowForm = FormGroup<{ start: FormControl<string>; end: FormControl<string> }>;
/** Keyed by ISO weekday `'1'`…`'7'`, so the API's `availability.1.0.start` names a control here. */
export type AvailabilityForm = FormGroup<Record<`${Weekday}`, FormArray<AvailabilityWindowForm>>>;

export type AgentForm = FormGroup<{
  displayName: FormControl<string>;
  email: FormControl<string>;
  teamId: FormControl<string>;
  /** '' means no region. */
  regionId: FormControl<string>;
  timeZone: FormControl<string>;
  workMode: FormControl<WorkMode>;
  languages: FormArray<LanguageRowForm>;
  channels: FormGroup<Record<Channel, FormControl<boolean>>>;
  contractHoursPerWeek: FormControl<number>;
  active: FormControl<boolean>;
  /** "Any time" (availability null); when true the windows below are disabled. */
  availabilityAnyTime: FormControl<boolean>;
  availability: AvailabilityForm;
  /** Only on create: '' means no login. */
  password: FormControl<string>;
}>;

/** Contract hours: a week has 168, but no contract asks more than 60 (and none fewer than 1). */
export const CONTRACT_HOURS = { min: 1, max: 60 } as const;

export function buildLanguageRow(fb: NonNullableFormBuilder, code = '', level: LanguageLevel = 'fluent'): LanguageRowForm {
  return fb.group({
    code: fb.control(code, [Validators.required, Validators.pattern(/^[a-z]{2}$/)]),
    level: fb.control<LanguageLevel>(level, Validators.required),
  });
}

export function buildAvailabilityWindow(fb: NonNullableFormBuilder, window: AvailabilityWindow = DEFAULT_WINDOW): AvailabilityWindowForm {
  return fb.group({
    start: fb.control(window.start, [Validators.required, Validators.pattern(START_TIME_PATTERN)]),
    end: fb.control(window.end, [Validators.required, Validators.pattern(END_TIME_PATTERN)]),
  });
}

function buildAvailabilityForm(fb: NonNullableFormBuilder): AvailabilityForm {
  const days = Object.fromEntries(AVAILABILITY_WEEKDAYS.map((day) => [String(day), fb.array<AvailabilityWindowForm>([])]));
  const form = fb.group(days as Record<`${Weekday}`, FormArray<AvailabilityWindowForm>>);
  form.disable({ emitEvent: false });
  return form;
}

/** Replaces the availability rows and the "Any time" switch (windows disabled while it is on). */
export function setAvailabilityRows(fb: NonNullableFormBuilder, form: AgentForm, rows: AvailabilityRows): void {
  for (const day of AVAILABILITY_WEEKDAYS) {
    const list = form.controls.availability.controls[`${day}`];
    list.clear({ emitEvent: false });
    for (const window of rows.days[day]) list.push(buildAvailabilityWindow(fb, window), { emitEvent: false });
  }
  form.controls.availabilityAnyTime.setValue(rows.anyTime, { emitEvent: false });
  if (rows.anyTime) form.controls.availability.disable({ emitEvent: false });
  else form.controls.availability.enable({ emitEvent: false });
}

/** The availability rows as the form holds them (disabled rows included). */
export function readAvailabilityRows(form: AgentForm): AvailabilityRows {
  const raw = form.controls.availability.getRawValue();
  const days = Object.fromEntries(AVAILABILITY_WEEKDAYS.map((day) => [day, raw[`${day}`].map((w) => ({ start: w.start, end: w.end }))])) as AvailabilityRows['days'];
  return { anyTime: form.controls.availabilityAnyTime.value, days };
}

export function buildAgentForm(fb: NonNullableFormBuilder): AgentForm {
  return fb.group({
    displayName: fb.control('', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]),
    email: fb.control('', [Validators.required, Validators.email, Validators.maxLength(254)]),
    teamId: fb.control('', Validators.required),
    regionId: fb.control(''),
    timeZone: fb.control('', [Validators.required, timeZoneValidator]),
    workMode: fb.control<WorkMode>('office'),
    languages: fb.array<LanguageRowForm>([buildLanguageRow(fb)], [atLeastOneValidator('language'), uniqueLanguagesValidator]),
    channels: fb.group({ email: false, tickets: false, chat: false, phone: false }, { validators: atLeastOneValidator('channel') }),
    contractHoursPerWeek: fb.control(40, [Validators.required, Validators.min(CONTRACT_HOURS.min), Validators.max(CONTRACT_HOURS.max)]),
    active: fb.control(true),
    availabilityAnyTime: fb.control(true),
    availability: buildAvailabilityForm(fb),
    password: fb.control('', Validators.minLength(PASSWORD_MIN_LENGTH)),
  });
}

/** Fills the form from a saved agent without firing valueChanges (no region pre-fill). */
export function patchAgentForm(fb: NonNullableFormBuilder, form: AgentForm, agent: Agent): void {
  setAvailabilityRows(fb, form, fromAvailability(agent.availability));
  form.controls.languages.clear({ emitEvent: false });
  for (const skill of agent.languages) form.controls.languages.push(buildLanguageRow(fb, skill.code, skill.level), { emitEvent: false });
  form.patchValue(
    {
      displayName: agent.displayName,
      email: agent.email,
      teamId: agent.teamId,
      regionId: agent.regionId ?? '',
      timeZone: agent.timeZone,
      workMode: agent.workMode,
      channels: Object.fromEntries(CHANNELS.map((c) => [c, agent.channels.includes(c)])) as Record<Channel, boolean>,
      contractHoursPerWeek: agent.contractHoursPerWeek,
      active: agent.active,
      password: '',
    },
    { emitEvent: false },
  );
}

/** The create request: trimmed text, region `null` when none, password only when typed. */
export function toCreateAgentRequest(form: AgentForm): CreateAgentRequest {
  const value = form.getRawValue();
  const request: CreateAgentRequest = {
    teamId: value.teamId,
    displayName: value.displayName.trim(),
    email: value.email.trim(),
    timeZone: value.timeZone.trim(),
    regionId: value.regionId || null,
    workMode: value.workMode,
    languages: value.languages.map((row) => ({ code: row.code.trim().toLowerCase(), level: row.level })),
    channels: CHANNELS.filter((channel) => value.channels[channel]),
    contractHoursPerWeek: Number(value.contractHoursPerWeek),
    active: value.active,
    availability: toAvailability(readAvailabilityRows(form)),
  };
  if (value.password) request.password = value.password;
  return request;
}

/** The update request: every editable field (a login is not created from the edit screen). */
export function toUpdateAgentRequest(form: AgentForm): UpdateAgentRequest {
  const { password: _password, ...rest } = toCreateAgentRequest(form);
  return rest;
}
