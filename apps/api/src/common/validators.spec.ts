import { canonicalZone, suggestZone } from './validators';

describe('time zone helpers', () => {
  it('suggests the closest zone for a misspelling', () => {
    expect(suggestZone('Europe/Moskva')).toBe('Europe/Moscow');
    expect(suggestZone('Asia/Ekaterinburg')).toBe('Asia/Yekaterinburg');
    expect(suggestZone('Lisbon')).toBe('Europe/Lisbon');
    expect(suggestZone('Somewhere')).toBe('Europe/Moscow');
  });

  it('canonicalises the spelling of a valid zone', () => {
    expect(canonicalZone('europe/amsterdam')).toBe('Europe/Amsterdam');
    expect(canonicalZone('Not/AZone')).toBe('Not/AZone');
  });
});
