import { Column, type ColumnOptions } from 'typeorm';

/**
 * Instants are stored as ISO 8601 UTC strings with milliseconds (`2026-03-29T01:00:00.000Z`,
 * always 24 characters, as `Date.prototype.toISOString` writes them).
 *
 * Why not a date type: TypeORM maps `datetime` on SQLite to text in the local format
 * `YYYY-MM-DD HH:MM:SS.SSS` and `timestamptz` on PostgreSQL to a `Date` shifted by the session
 * zone, so the same value does not round-trip identically on both. A fixed-width ISO string
 * does: it compares and sorts lexically in UTC order on both databases (so range queries and
 * indexes work), reads well in a SQL console, and reaches the API unchanged.
 */
export function InstantColumn(name: string, options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator {
  return Column({ name, type: 'varchar', length: 24, nullable: options.nullable ?? false });
}

/** UUID strings generated in app code (`crypto.randomUUID`), so both databases behave alike. */
export const ID_LENGTH = 36;

/** Longest email kept (users' and agents' email columns; the longest address SMTP carries). */
export const EMAIL_LENGTH = 254;

/** The current instant in the stored format. */
export function nowIso(): string {
  return new Date().toISOString();
}
