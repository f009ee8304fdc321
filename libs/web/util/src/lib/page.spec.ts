import { countPages, describePageRange, toItems } from './page';

describe('paging helpers', () => {
  it('reads items from a page or an array', () => {
    expect(toItems({ items: [1, 2], total: 2, page: 1, pageSize: 25 })).toEqual([1, 2]);
    expect(toItems([3])).toEqual([3]);
  });

  it('describes the visible range, clamped to the total', () => {
    expect(describePageRange(1, 25, 63)).toBe('Showing 1–25 of 63');
    expect(describePageRange(3, 25, 63)).toBe('Showing 51–63 of 63');
    expect(describePageRange(1, 25, 0)).toBe('');
  });

  it('counts pages, never fewer than one', () => {
    expect(countPages(25, 0)).toBe(1);
    expect(countPages(25, 25)).toBe(1);
    expect(countPages(25, 26)).toBe(2);
  });
});
