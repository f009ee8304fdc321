import type { CoverageRule } from '@shiftdesk/shared-api-contract';
import { defaultPeriod, initialGenerateForm, mapGenerateErrors, requestToForm, suggestShapes, toGenerateRequest, type GenerateFormValue } from './generate-form';

function rule(partial: Partial<CoverageRule>): CoverageRule {
  return {
    id: 'r1', teamId: 't1', name: '16h', kind: 'window', timeZone: 'Europe/Moscow', minAgents: 1, language: null, channel: null,
    validFrom: null, validTo: null, exceptions: [], createdAt: '', updatedAt: '',
    windows: { 1: [{ start: '07:00', end: '23:00' }], 2: [{ start: '07:00', end: '23:00' }] },
    ...partial,
  };
}

const FORM: GenerateFormValue = {
  from: '2026-11-30',
  to: '2026-12-06',
  shapes: [
    { label: 'Early', start: '07:00', lengthHours: 8, channel: '', language: '', maxPerAgent: null },
    { label: '', start: '15:00', lengthHours: 8, channel: 'phone', language: 'FR', maxPerAgent: 3 },
  ],
  timeLimitSeconds: 5,
  seed: null,
  evenOut: true,
  avoidIsolatedDays: true,
  preferences: true,
};

describe('the Generate form', () => {
  it('defaults to next week, Monday to Sunday, from any day of this one', () => {
    expect(defaultPeriod('2026-11-23')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(defaultPeriod('2026-11-29')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('tiles the coverage target with 8 h shapes in the team zone', () => {
    expect(suggestShapes([rule({})], 'Europe/Moscow').map((s) => [s.label, s.start, s.lengthHours])).toEqual([['Early', '07:00', 8], ['Late', '15:00', 8]]);
    expect(suggestShapes([rule({ kind: 'always', windows: {} })], 'Europe/Moscow').map((s) => s.start)).toEqual(['00:00', '08:00', '16:00']);
    expect(suggestShapes([rule({ windows: { 1: [{ start: '09:00', end: '17:00' }] } })], 'Europe/Moscow').map((s) => [s.start, s.lengthHours])).toEqual([['09:00', 8]]);
    // 12 h 08–20: two shifts that overlap at midday.
    expect(suggestShapes([rule({ windows: { 1: [{ start: '08:00', end: '20:00' }] } })], 'Europe/Moscow').map((s) => s.start)).toEqual(['08:00', '12:00']);
    // No target (or one in another zone): 08:00 and 14:00.
    expect(suggestShapes([], 'Europe/Moscow').map((s) => s.start)).toEqual(['08:00', '14:00']);
    expect(suggestShapes([rule({ timeZone: 'UTC' })], 'Europe/Moscow').map((s) => s.start)).toEqual(['08:00', '14:00']);
  });

  it('opens with the API default time limit and no seed', () => {
    const form = initialGenerateForm({ today: '2026-11-23', rules: [rule({})], zone: 'Europe/Moscow' });
    expect(form.timeLimitSeconds).toBe(30);
    expect(form.seed).toBeNull();
    expect(form.shapes).toHaveLength(2);
  });

  it('maps to the request: minutes, a label from the span when empty, lower-case language, channel only when set', () => {
    const result = toGenerateRequest(FORM);
    expect(result).toEqual({
      ok: true,
      request: {
        from: '2026-11-30',
        to: '2026-12-06',
        shapes: [
          { name: 'Early', start: '07:00', lengthMinutes: 480 },
          { name: '15:00–23:00', start: '15:00', lengthMinutes: 480, channel: 'phone', language: 'fr', maxPerAgent: 3 },
        ],
        timeLimitSeconds: 5,
      },
    });
    const seeded = toGenerateRequest({ ...FORM, seed: 7 });
    expect(seeded.ok && seeded.request.seed).toBe(7);
  });

  it('comes back from a sent request unchanged ("Generate again")', () => {
    const sent = toGenerateRequest({ ...FORM, seed: 3 });
    if (!sent.ok) throw new Error('expected a request');
    const again = toGenerateRequest(requestToForm(sent.request));
    expect(again).toEqual(sent);
    const unfair = toGenerateRequest({ ...FORM, evenOut: false });
    if (!unfair.ok) throw new Error('expected a request');
    expect(toGenerateRequest(requestToForm(unfair.request))).toEqual(unfair);
  });

  it('sends fairness only when the manager turns some of it off (the API defaults to all on)', () => {
    const fair = toGenerateRequest(FORM);
    expect(fair.ok && fair.request.fairness).toBeUndefined();
    const noEvening = toGenerateRequest({ ...FORM, evenOut: false });
    expect(noEvening.ok && noEvening.request.fairness).toEqual({ nights: 0, weekends: 0, holidays: 0 });
    const isolatedOk = toGenerateRequest({ ...FORM, avoidIsolatedDays: false });
    expect(isolatedOk.ok && isolatedOk.request.fairness).toEqual({ isolatedDays: 0 });
    const noWishes = toGenerateRequest({ ...FORM, preferences: false });
    expect(noWishes.ok && noWishes.request.preferences).toBe(false);
    expect(fair.ok && 'preferences' in fair.request).toBe(false);
    if (!noWishes.ok) throw new Error('expected a request');
    expect(requestToForm(noWishes.request).preferences).toBe(false);
  });

  it('names each wrong field by its API path', () => {
    const result = toGenerateRequest({
      ...FORM,
      to: '2026-11-29',
      shapes: [
        { label: 'Early', start: '7', lengthHours: 0.5, channel: '', language: 'french', maxPerAgent: 2.5 },
        { label: 'Early', start: '15:00', lengthHours: 8.01, channel: '', language: '', maxPerAgent: -1 },
      ],
      timeLimitSeconds: 601,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['shapes.0.language', 'shapes.0.lengthMinutes', 'shapes.0.maxPerAgent', 'shapes.0.start', 'shapes.1.lengthMinutes', 'shapes.1.maxPerAgent', 'shapes.1.name', 'timeLimitSeconds', 'to'].sort(),
    );
    expect(result.errors['to']).toBe('Must be on or after the first day.');
    expect(result.errors['shapes.1.name']).toContain('"Early" is already used');
    expect(result.errors['shapes.1.maxPerAgent']).toBe('A whole number of shifts from 0 to 366, or empty for no cap.');
    expect(toGenerateRequest({ ...FORM, to: '2027-12-06' })).toMatchObject({ ok: false, errors: { to: 'The period may span at most 366 days.' } });
    expect(toGenerateRequest({ ...FORM, shapes: [] })).toMatchObject({ ok: false, errors: { shapes: 'Add at least one shift shape.' } });
  });

  it("puts the API's 400 under its fields, without the path prefix", () => {
    const mapped = mapGenerateErrors({
      statusCode: 400,
      error: 'Bad Request',
      message: 'shapes.1.name: "Late" is used by another shape; names must be unique',
      fields: [
        { field: 'shapes.1.name', message: 'shapes.1.name: "Late" is used by another shape; names must be unique' },
        { field: 'to', message: 'to: the period may span at most 366 days' },
      ],
    });
    expect(mapped).toEqual({ fields: { 'shapes.1.name': '"Late" is used by another shape; names must be unique', to: 'The period may span at most 366 days' }, general: '' });
    expect(mapGenerateErrors({ statusCode: 403, error: 'Forbidden', message: 'You do not manage this team' })).toEqual({ fields: {}, general: 'You do not manage this team' });
    expect(mapGenerateErrors({ statusCode: 400, error: 'Bad Request', message: 'x', fields: [{ field: 'colour', message: 'colour: is not a field of this request; remove it' }] }).general).toBe('colour: is not a field of this request; remove it');
  });
});
