import { toCsv } from './save-text';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks, and defuses formulas', () => {
    expect(toCsv([
      ['name', 'email'],
      ['Müller, Anna', 'anna@example.com'],
      ['Say "hi"', '=HYPERLINK("x")'],
    ])).toBe('name,email\r\n"Müller, Anna",anna@example.com\r\n"Say ""hi""","\'=HYPERLINK(""x"")"\r\n');
  });
});
