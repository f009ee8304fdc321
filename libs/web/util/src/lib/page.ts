import type { Page } from '@shiftdesk/shared-api-contract';

/** List endpoints answer a Page; a plain array (small lists such as regions) is accepted too. */
export function toItems<T>(result: Page<T> | T[]): T[] {
  return Array.isArray(result) ? result : result.items;
}

/** `Showing 26–50 of 63`, or an empty string when there is nothing. Pages are 1-based. */
export function describePageRange(page: number, pageSize: number, total: number): string {
  if (total <= 0) return '';
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return `Showing ${first}–${last} of ${total}`;
}

/** Number of pages for `total` items, at least 1. */
export function countPages(pageSize: number, total: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
