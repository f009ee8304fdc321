import { describeOverlap, explainUndraggable, moveShift } from './shift-move';

// Europe/Berlin springs forward on Sunday 2026-03-29 (02:00 CET → 03:00 CEST) and falls back
// on Sunday 2026-10-25 (03:00 CEST → 02:00 CET).
const BERLIN = 'Europe/Berlin';

function shift(start: string, end: string, breaks: { start: string; end: string }[] = []) {
  return { id: 's1', agentId: 'anna', start, end, breaks };
}

describe('moveShift', () => {
  it('keeps 09:00–17:00 on the wall clock when dropped on the spring-forward Sunday (07:00Z, not 08:00Z)', () => {
    // Friday 27 March 09:00–17:00 CET = 08:00Z–16:00Z.
    const result = moveShift({ shift: shift('2026-03-27T08:00:00.000Z', '2026-03-27T16:00:00.000Z'), fromDate: '2026-03-27', fromZone: BERLIN, toDate: '2026-03-29', toAgentId: 'anna', toZone: BERLIN });
    expect(result).toEqual({
      ok: true,
      unchanged: false,
      request: { agentId: 'anna', start: '2026-03-29T07:00:00.000Z', end: '2026-03-29T15:00:00.000Z', timeZone: BERLIN, breaks: [] },
    });
  });

  it('keeps the wall clock on the fall-back Sunday too (08:00Z–16:00Z CET after 07:00Z–15:00Z CEST)', () => {
    const result = moveShift({ shift: shift('2026-10-24T07:00:00.000Z', '2026-10-24T15:00:00.000Z'), fromDate: '2026-10-24', fromZone: BERLIN, toDate: '2026-10-25', toAgentId: 'anna', toZone: BERLIN });
    expect(result.ok && [result.request.start, result.request.end]).toEqual(['2026-10-25T08:00:00.000Z', '2026-10-25T16:00:00.000Z']);
  });

  it('moves a night shift onto the short night: 22:00–06:00 lasts 7 h there, like the dialog', () => {
    // Saturday 21 March 22:00 CET → Sunday 06:00 CET (8 h) moved a week later.
    const result = moveShift({ shift: shift('2026-03-21T21:00:00.000Z', '2026-03-22T05:00:00.000Z'), fromDate: '2026-03-21', fromZone: BERLIN, toDate: '2026-03-28', toAgentId: 'anna', toZone: BERLIN });
    expect(result.ok && [result.request.start, result.request.end]).toEqual(['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z']);
  });

  it('moves the whole shift by the days between the cells, even when grabbed by its second day', () => {
    // The same night shift grabbed on Sunday 22 and dropped on Tuesday 24: it now starts Monday 22:00.
    const result = moveShift({ shift: shift('2026-03-21T21:00:00.000Z', '2026-03-22T05:00:00.000Z'), fromDate: '2026-03-22', fromZone: BERLIN, toDate: '2026-03-24', toAgentId: 'anna', toZone: BERLIN });
    expect(result.ok && [result.request.start, result.request.end]).toEqual(['2026-03-23T21:00:00.000Z', '2026-03-24T05:00:00.000Z']);
  });

  it('moves a start that falls into the missing hour forward by the gap (02:30 → 03:30 CEST)', () => {
    const result = moveShift({ shift: shift('2026-03-27T01:30:00.000Z', '2026-03-27T09:30:00.000Z'), fromDate: '2026-03-27', fromZone: BERLIN, toDate: '2026-03-29', toAgentId: 'anna', toZone: BERLIN });
    expect(result.ok && [result.request.start, result.request.end]).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-29T08:30:00.000Z']);
  });

  it('gives the shift to another agent on the same day and moves its breaks along', () => {
    const result = moveShift({
      shift: shift('2026-01-05T08:00:00.000Z', '2026-01-05T16:00:00.000Z', [{ start: '2026-01-05T11:00:00.000Z', end: '2026-01-05T11:30:00.000Z' }]),
      fromDate: '2026-01-05',
      fromZone: BERLIN,
      toDate: '2026-01-07',
      toAgentId: 'ivan',
      toZone: BERLIN,
    });
    expect(result).toEqual({
      ok: true,
      unchanged: false,
      request: { agentId: 'ivan', start: '2026-01-07T08:00:00.000Z', end: '2026-01-07T16:00:00.000Z', timeZone: BERLIN, breaks: [{ start: '2026-01-07T11:00:00.000Z', end: '2026-01-07T11:30:00.000Z' }] },
    });
  });

  it("keeps the bar where it was dropped when each row shows its agent's own zone", () => {
    // 09:00 Moscow (06:00Z) dropped on a Lisbon agent's row at the same spot: 09:00 Lisbon (09:00Z in winter).
    const result = moveShift({ shift: shift('2026-01-05T06:00:00.000Z', '2026-01-05T14:00:00.000Z'), fromDate: '2026-01-05', fromZone: 'Europe/Moscow', toDate: '2026-01-05', toAgentId: 'joana', toZone: 'Europe/Lisbon' });
    expect(result.ok && result.request).toMatchObject({ agentId: 'joana', start: '2026-01-05T09:00:00.000Z', end: '2026-01-05T17:00:00.000Z', timeZone: 'Europe/Lisbon' });
  });

  it('says when the bar was dropped where it was', () => {
    const result = moveShift({ shift: shift('2026-01-05T08:00:00.000Z', '2026-01-05T16:00:00.000Z'), fromDate: '2026-01-05', fromZone: BERLIN, toDate: '2026-01-05', toAgentId: 'anna', toZone: BERLIN });
    expect(result).toMatchObject({ ok: true, unchanged: true, request: { start: '2026-01-05T08:00:00.000Z' } });
  });

  it('gives the same answer whatever the host zone is (Kolkata half-hour board)', () => {
    const result = moveShift({ shift: shift('2026-01-05T03:30:00.000Z', '2026-01-05T11:30:00.000Z'), fromDate: '2026-01-05', fromZone: 'Asia/Kolkata', toDate: '2026-01-04', toAgentId: 'anna', toZone: 'Asia/Kolkata' });
    expect(result.ok && [result.request.start, result.request.end]).toEqual(['2026-01-04T03:30:00.000Z', '2026-01-04T11:30:00.000Z']);
  });
});

describe('explainUndraggable', () => {
  it('lets manual shifts move and explains why generated ones do not', () => {
    expect(explainUndraggable('manual')).toBeNull();
    expect(explainUndraggable('rotation')).toMatch(/comes from a rotation.*click it to have someone cover it/);
    expect(explainUndraggable('override')).toMatch(/comes from an override/);
  });
});

describe('describeOverlap', () => {
  it("names the other shift in the board's zone instead of by id and UTC", () => {
    const message = 'start: Anna Smirnova already has shift 1f2e (2026-01-05T04:00:00.000Z – 2026-01-05T12:00:00.000Z) overlapping this one';
    expect(describeOverlap(message, 'Europe/Moscow')).toBe('Anna Smirnova already has a shift Mon 5 Jan 07:00–15:00 UTC+3 overlapping this one');
  });
});
