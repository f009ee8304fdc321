import type { TableColumnOptions } from 'typeorm';

// Column builders for migrations, written with portable types only so one migration set runs
// on SQLite and PostgreSQL. See ../columns.ts for why instants are 24-character ISO strings.

export const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
export const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
export const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '24', isNullable: nullable });
// No column defaults: the app always writes every value, and boolean defaults are spelled differently per database.
export const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false });
export const auditColumns = (): TableColumnOptions[] => [instant('created_at'), instant('updated_at')];
