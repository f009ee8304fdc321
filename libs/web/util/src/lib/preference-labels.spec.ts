import { describePreferenceWhen, describeWeekdays } from './preference-labels';

describe('preference labels', () => {
  it('names weekdays, joining runs of three or more', () => {
    expect(describeWeekdays([6, 7])).toBe('Sat, Sun');
    expect(describeWeekdays([5, 1, 2, 3, 4])).toBe('Mon–Fri');
    expect(describeWeekdays([1, 2, 3, 5, 7])).toBe('Mon–Wed, Fri, Sun');
  });

  it('says when a preference applies, whole day or a window, and marks a window into the next day', () => {
    expect(describePreferenceWhen({ date: '2026-12-04', weekdays: [], startTime: null, endTime: null })).toBe('Fri 4 Dec 2026, whole day');
    expect(describePreferenceWhen({ date: null, weekdays: [1, 2, 3, 4, 5], startTime: '18:00', endTime: '22:00' })).toBe('Every Mon–Fri, 18:00–22:00');
    expect(describePreferenceWhen({ date: null, weekdays: [7], startTime: '22:00', endTime: '06:00' })).toBe('Every Sun, 22:00–06:00 (next day)');
  });
});
