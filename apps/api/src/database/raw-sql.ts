import type { EntityManager } from 'typeorm';

/**
 * Parameter placeholders for hand-written SQL on the hot paths (tens of thousands of rows, where
 * TypeORM's entity hydration and query building cost more than the database): `$n` on
 * PostgreSQL, `?` on SQLite. Identifiers are written in double quotes, which both accept.
 */
export function placeholders(manager: EntityManager): (n: number) => string {
  return manager.connection.options.type === 'postgres' ? (n) => `$${n}` : () => '?';
}
