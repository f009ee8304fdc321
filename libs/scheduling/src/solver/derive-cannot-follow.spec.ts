import { deriveCannotFollow } from './derive-cannot-follow';

describe('deriveCannotFollow', () => {
  const shiftTypes = [
    { id: 'E', localStartTime: '06:00', localEndTime: '14:00' },
    { id: 'D', localStartTime: '09:00', localEndTime: '17:00' },
    { id: 'L', localStartTime: '14:00', localEndTime: '22:00' },
    { id: 'N', localStartTime: '22:00', localEndTime: '06:00' },
  ];

  it('forbids next-day shifts starting less than the minimum rest after the end (Curtois: 14 h)', () => {
    const result = deriveCannotFollow({ shiftTypes, minRestHours: 14 });
    expect(result).toEqual([
      { id: 'E', lengthMinutes: 480, cannotFollow: [] },
      { id: 'D', lengthMinutes: 480, cannotFollow: ['E'] }, // 17:00 → 06:00 is 13 h
      { id: 'L', lengthMinutes: 480, cannotFollow: ['E', 'D'] }, // 22:00 → 09:00 is 11 h
      { id: 'N', lengthMinutes: 480, cannotFollow: ['E', 'D', 'L'] }, // ends 06:00 next day
    ]);
  });

  it('treats an end at or before the start as the next day, and 11 h rest allows L → D', () => {
    const result = deriveCannotFollow({ shiftTypes, minRestHours: 11 });
    expect(result.find((s) => s.id === 'L')?.cannotFollow).toEqual(['E']);
    expect(result.find((s) => s.id === 'N')?.cannotFollow).toEqual(['E', 'D', 'L']);
  });

  it('rejects malformed clock times', () => {
    expect(() => deriveCannotFollow({ shiftTypes: [{ id: 'X', localStartTime: '6:00', localEndTime: '14:00' }], minRestHours: 11 })).toThrow(RangeError);
  });
});
