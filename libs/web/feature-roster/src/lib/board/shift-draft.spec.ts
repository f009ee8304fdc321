import { draftToRequest, newDraft, shiftToDraft } from './shift-draft';

describe('shift drafts', () => {
  it('converts local times in the chosen zone to UTC instants', () => {
    const result = draftToRequest(newDraft({ agentId: 'a1', date: '2026-01-05', zone: 'Europe/Moscow', startTime: '08:00', endTime: '16:00' }));
    expect(result).toEqual({
      ok: true,
      request: expect.objectContaining({ agentId: 'a1', start: '2026-01-05T05:00:00.000Z', end: '2026-01-05T13:00:00.000Z', timeZone: 'Europe/Moscow', status: 'published', label: null }),
    });
  });

  it('puts an end before the start on the next day, across the Berlin spring-forward (7 h)', () => {
    const result = draftToRequest(newDraft({ agentId: 'a1', date: '2026-03-28', zone: 'Europe/Berlin', startTime: '22:00', endTime: '06:00' }));
    expect(result.ok && result.request.start).toBe('2026-03-28T21:00:00.000Z');
    expect(result.ok && result.request.end).toBe('2026-03-29T04:00:00.000Z');
  });

  it('reads a shift back in another zone', () => {
    const draft = shiftToDraft(
      { id: 's1', agentId: 'a1', start: '2026-01-05T05:00:00.000Z', end: '2026-01-05T13:00:00.000Z', timeZone: 'Europe/Moscow', channel: 'chat', label: 'Early', breaks: [], status: 'draft', source: 'manual', rotationId: null, locked: false },
      'Asia/Kolkata',
    );
    expect(draft).toMatchObject({ shiftId: 's1', date: '2026-01-05', startTime: '10:30', endTime: '18:30', zone: 'Asia/Kolkata', channel: 'chat', label: 'Early', status: 'draft' });
  });

  it('carries the lock both ways: a locked draft stays locked when edited', () => {
    const draft = shiftToDraft(
      { id: 's2', agentId: 'a1', start: '2026-01-05T05:00:00.000Z', end: '2026-01-05T13:00:00.000Z', timeZone: 'UTC', channel: null, label: null, breaks: [], status: 'draft', source: 'manual', rotationId: null, locked: true },
      'UTC',
    );
    expect(draft.locked).toBe(true);
    expect(draftToRequest(draft)).toMatchObject({ ok: true, request: { locked: true, status: 'draft' } });
    expect(newDraft({ agentId: 'a1', date: '2026-01-05', zone: 'UTC' }).locked).toBe(false);
  });

  it('refuses a malformed time', () => {
    expect(draftToRequest({ ...newDraft({ agentId: 'a1', date: '2026-01-05', zone: 'UTC' }), startTime: '25:99' })).toMatchObject({ ok: false, field: 'startTime' });
  });
});
