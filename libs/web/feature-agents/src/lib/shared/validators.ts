import type { AbstractControl, FormArray, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidTimeZone } from '@shiftdesk/web-util';

/** The value must be an IANA zone this browser knows (the server checks its own tz database too). */
export const timeZoneValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = control.value;
  if (!value) return null;
  return isValidTimeZone(value) ? null : { timeZone: true };
};

/** Flags the second and later rows of a language list that repeat a code. Runs on the array. */
export const uniqueLanguagesValidator: ValidatorFn = (array: AbstractControl): ValidationErrors | null => {
  const rows = (array as FormArray).controls;
  const seen = new Set<string>();
  let duplicate = false;
  for (const row of rows) {
    const code = row.get('code');
    if (!code) continue;
    const value = String(code.value ?? '');
    const hasDuplicateError = !!code.errors?.['duplicate'];
    if (value && seen.has(value)) {
      duplicate = true;
      if (!hasDuplicateError) code.setErrors({ ...(code.errors ?? {}), duplicate: true });
    } else if (hasDuplicateError) {
      const rest = { ...(code.errors ?? {}) };
      delete rest['duplicate'];
      code.setErrors(Object.keys(rest).length ? rest : null);
    }
    seen.add(value);
  }
  return duplicate ? { duplicateLanguages: true } : null;
};

/**
 * A group or array needs at least one entry: one row in a FormArray, or one ticked checkbox in a
 * group of booleans. `noun` names it in the message ("Add at least one language.").
 */
export function atLeastOneValidator(noun: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    const count = Array.isArray(value) ? value.length : Object.values((value ?? {}) as Record<string, unknown>).filter(Boolean).length;
    return count > 0 ? null : { atLeastOne: noun };
  };
}
