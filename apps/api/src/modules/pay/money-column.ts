import { Column } from 'typeorm';

/**
 * Minor units as a 64-bit integer: the pg driver returns bigint as text (it may exceed 2^53),
 * but amounts here stay far below that, so they are read back as numbers on both databases.
 */
export function MinorUnitsColumn(name: string): PropertyDecorator {
  return Column({ name, type: 'bigint', transformer: { to: (value: number) => value, from: (value: string | number | null) => (value === null ? null : Number(value)) } });
}
