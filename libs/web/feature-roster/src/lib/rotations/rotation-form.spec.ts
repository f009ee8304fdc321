import { fromRrule, previewForm, toRotationRequest, toRrule, type RotationFormValue } from './rotation-form';

const BASE: RotationFormValue = {
  name: 'Early Berlin',
  timeZone: 'Europe/Berlin',
  localStartTime: '09:00',
  localEndTime: '17:00',
  weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'],
  agentIds: ['a', 'b'],
  handoff: 'turns',
  every: 1,
  startDate: '2026-03-23',
};

describe('rotation form', () => {
  it('turns weekday checkboxes into an RRULE and back', () => {
    expect(toRrule(['FR', 'MO', 'WE'])).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(toRrule([])).toBe('FREQ=DAILY');
    expect(fromRrule('FREQ=WEEKLY;BYDAY=MO,WE,FR')).toEqual(['MO', 'WE', 'FR']);
    expect(fromRrule('FREQ=DAILY')).toHaveLength(7);
    expect(fromRrule('FREQ=MONTHLY;BYMONTHDAY=1')).toBeNull();
  });

  it('builds the API request with the handoff', () => {
    expect(toRotationRequest(BASE)).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', handoff: { mode: 'turns', every: 1 } });
    expect(toRotationRequest({ ...BASE, handoff: 'all' }).handoff).toEqual({ mode: 'all' });
  });

  it('previews on the local wall clock: 09:00 Berlin is 08:00Z before the change and 07:00Z after', () => {
    const preview = previewForm(BASE, Date.parse('2026-03-26T00:00:00Z'), 4);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.occurrences.map((o) => [o.localDate, o.start, o.agentIds[0]])).toEqual([
      ['2026-03-26', '2026-03-26T08:00:00.000Z', 'b'],
      ['2026-03-27', '2026-03-27T08:00:00.000Z', 'a'],
      ['2026-03-30', '2026-03-30T07:00:00.000Z', 'b'],
      ['2026-03-31', '2026-03-31T07:00:00.000Z', 'a'],
    ]);
  });

  it('says what is wrong instead of previewing', () => {
    expect(previewForm({ ...BASE, agentIds: [] }, 0)).toMatchObject({ ok: false });
    expect(previewForm({ ...BASE, timeZone: 'Mars/Olympus' }, 0)).toMatchObject({ ok: false });
  });
});
