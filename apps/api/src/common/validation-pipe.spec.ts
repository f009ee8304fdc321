import { MAX_BODY_DEPTH, checkBodyShape } from './validation-pipe';

describe('checkBodyShape', () => {
  it('accepts ordinary request bodies, multi-line text and emoji', () => {
    expect(checkBodyShape({ name: 'Support Desk', windows: { '1': [{ start: '08:00', end: '22:00' }] } })).toBeNull();
    expect(checkBodyShape({ ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\tfolded\r\nEND:VCALENDAR\r\n', note: 'Ночная смена 🌙' })).toBeNull();
  });

  it('refuses bodies that are not a JSON object', () => {
    for (const body of [[], [{}], 'text', 42, true, null]) {
      expect(checkBodyShape(body)).toBe('The request body must be a JSON object with the fields of this request');
    }
  });

  it('refuses nesting deeper than the limit, naming where', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 10_000; level++) deep = { a: deep };
    expect(checkBodyShape(deep)).toMatch(new RegExp(`^The request body is nested more than ${MAX_BODY_DEPTH} levels deep at a\\.a\\.a`));
    let allowed: unknown = 'bottom';
    for (let level = 0; level < MAX_BODY_DEPTH - 1; level++) allowed = { a: allowed };
    expect(checkBodyShape(allowed)).toBeNull();
  });

  it('refuses prototype keys at any depth', () => {
    expect(checkBodyShape(JSON.parse('{"__proto__": {"polluted": true}}'))).toBe('__proto__: is not a field of this request; remove it');
    expect(checkBodyShape({ languages: [{ constructor: { prototype: {} } }] })).toBe('languages.0.constructor: is not a field of this request; remove it');
  });

  it('refuses control characters and broken UTF-16 in any string', () => {
    expect(checkBodyShape({ name: 'a\u0000b' })).toBe('name: contains a control character or broken text (U+0000); remove it');
    expect(checkBodyShape({ list: ['ok', 'bell\u0007'] })).toBe('list.1: contains a control character or broken text (U+0007); remove it');
    expect(checkBodyShape({ name: 'lone \ud800 high' })).toMatch(/U\+D800/);
    expect(checkBodyShape({ name: 'lone \udc00 low' })).toMatch(/U\+DC00/);
  });
});
