import type { ScheduledShift } from '@shiftdesk/shared-api-contract';
import { describeRightNow, readRightNow } from './right-now';

const shift = (id: string, agentId: string, start: string, end: string, status: ScheduledShift['status'] = 'published'): ScheduledShift => ({
  id, agentId, start, end, status, timeZone: 'Europe/Moscow', channel: null, label: null, breaks: [], source: 'manual', rotationId: null, locked: false,
});
const NOW = new Date('2026-12-07T06:36:00Z'); // 09:36 in Moscow

describe('readRightNow', () => {
  it('lists who is on now, earliest to leave first, and who starts next', () => {
    const read = readRightNow(
      [
        shift('1', 'anna', '2026-12-07T04:00:00Z', '2026-12-07T12:00:00Z'),
        shift('2', 'sergei', '2026-12-07T04:00:00Z', '2026-12-07T12:00:00Z'),
        shift('3', 'ivan', '2026-12-07T06:00:00Z', '2026-12-07T10:00:00Z'),
        shift('4', 'marie', '2026-12-07T12:00:00Z', '2026-12-07T20:00:00Z'),
        shift('5', 'elena', '2026-12-07T12:00:00Z', '2026-12-07T20:00:00Z'),
        shift('6', 'olga', '2026-12-07T14:00:00Z', '2026-12-07T20:00:00Z'),
      ],
      NOW,
    );
    expect(read.onShift).toEqual([
      { agentId: 'ivan', end: new Date('2026-12-07T10:00:00Z') },
      { agentId: 'anna', end: new Date('2026-12-07T12:00:00Z') },
      { agentId: 'sergei', end: new Date('2026-12-07T12:00:00Z') },
    ]);
    expect(read.next).toEqual({ start: new Date('2026-12-07T12:00:00Z'), agentIds: ['elena', 'marie'] });
  });

  it('ignores drafts, counts a shift ending now as over and one starting now as on', () => {
    const read = readRightNow(
      [
        shift('1', 'anna', '2026-12-07T04:00:00Z', '2026-12-07T06:36:00Z'),
        shift('2', 'ivan', '2026-12-07T06:36:00Z', '2026-12-07T14:00:00Z'),
        shift('3', 'olga', '2026-12-07T04:00:00Z', '2026-12-07T12:00:00Z', 'draft'),
        shift('4', 'olga', '2026-12-07T13:00:00Z', '2026-12-07T20:00:00Z', 'draft'),
      ],
      NOW,
    );
    expect(read.onShift.map((on) => on.agentId)).toEqual(['ivan']);
    expect(read.next).toBeNull();
  });

  it('follows touching shifts to when the agent really leaves, and does not call the second one a handover', () => {
    const read = readRightNow(
      [
        shift('1', 'anna', '2026-12-07T04:00:00Z', '2026-12-07T08:00:00Z'),
        shift('2', 'anna', '2026-12-07T08:00:00Z', '2026-12-07T12:00:00Z'),
        shift('3', 'marie', '2026-12-07T12:00:00Z', '2026-12-07T20:00:00Z'),
      ],
      NOW,
    );
    expect(read.onShift).toEqual([{ agentId: 'anna', end: new Date('2026-12-07T12:00:00Z') }]);
    expect(read.next).toEqual({ start: new Date('2026-12-07T12:00:00Z'), agentIds: ['marie'] });
  });
});

describe('describeRightNow', () => {
  const names = new Map([
    ['anna', 'Anna Smirnova'],
    ['sergei', 'Sergei Popov'],
    ['marie', 'Marie Dubois'],
  ]);
  const formatTime = (instant: Date) => `${String(instant.getUTCHours() + 3).padStart(2, '0')}:${String(instant.getUTCMinutes()).padStart(2, '0')} MSK`;
  const formatCountdown = (ms: number) => `${Math.round(ms / 60_000)} min`;

  it('groups who leaves together, by name, and says when the next one starts', () => {
    const text = describeRightNow(
      {
        onShift: [
          { agentId: 'sergei', end: new Date('2026-12-07T12:00:00Z') },
          { agentId: 'anna', end: new Date('2026-12-07T12:00:00Z') },
        ],
        next: { start: new Date('2026-12-07T12:00:00Z'), agentIds: ['marie', 'gone'] },
      },
      { names, now: NOW, formatTime, formatCountdown },
    );
    expect(text).toEqual({ onShift: 'Anna Smirnova, Sergei Popov until 15:00 MSK', next: 'an agent no longer listed, Marie Dubois at 15:00 MSK, in 324 min' });
  });

  it('says plainly when nobody is on and nothing is planned', () => {
    expect(describeRightNow({ onShift: [], next: null }, { names, now: NOW, formatTime, formatCountdown })).toEqual({ onShift: 'Nobody on shift', next: 'No shift starts in the next 24 h' });
  });
});
