import type { AbstractControl, FormGroup } from '@angular/forms';
import type { FieldError } from '@shiftdesk/shared-api-contract';

/**
 * Puts each server field error on the control its dotted path names (`timeZone`,
 * `languages.0.code`), or on the nearest existing parent (`channels.3` → `channels`), as
 * `{ server: message }`. The error clears itself on the next edit, when validators rerun.
 * Returns the errors no control could take, for the message at the top of the form.
 */
export function applyServerErrors(form: FormGroup, fields: readonly FieldError[] | undefined): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of fields ?? []) {
    const control = findControl(form, error.field);
    if (!control) {
      unmatched.push(error);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: withoutFieldPrefix(error) });
    control.markAsTouched();
  }
  return unmatched;
}

/** Next to the field, `timeZone: "X" is not…` reads better as `"X" is not…`; the top keeps the path. */
function withoutFieldPrefix(error: FieldError): string {
  const prefix = `${error.field}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function findControl(form: FormGroup, path: string): AbstractControl | null {
  const parts = path.split('.').filter(Boolean);
  while (parts.length) {
    const control = form.get(parts.join('.'));
    if (control) return control;
    parts.pop();
  }
  return null;
}
