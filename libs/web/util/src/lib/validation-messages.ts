/**
 * One sentence for a control's validation errors, in the order a user should fix them.
 * `errors` is Angular's ValidationErrors shape; `server` holds a message from an ApiError field.
 */
export function describeValidationErrors(errors: Readonly<Record<string, unknown>> | null | undefined, label: string): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return `${label} is required.`;
  if (errors['email']) return 'Enter an email address like name@example.com.';
  if (errors['timeZone']) return 'Unknown time zone: pick an IANA zone such as Europe/Lisbon.';
  if (errors['languageCode']) return 'Use a two-letter ISO 639-1 code, such as en or fr.';
  if (errors['duplicate']) return 'This language is listed twice.';
  if (typeof errors['atLeastOne'] === 'string') return `Add at least one ${errors['atLeastOne']}.`;
  const min = errors['min'] as { min: number } | undefined;
  if (min) return `${label} must be at least ${min.min}.`;
  const max = errors['max'] as { max: number } | undefined;
  if (max) return `${label} must be at most ${max.max}.`;
  const minLength = errors['minlength'] as { requiredLength: number } | undefined;
  if (minLength) return `${label} needs at least ${minLength.requiredLength} characters.`;
  const maxLength = errors['maxlength'] as { requiredLength: number } | undefined;
  if (maxLength) return `${label} can have at most ${maxLength.requiredLength} characters.`;
  if (errors['pattern']) return `${label} has the wrong format.`;
  return `${label} is not valid.`;
}
