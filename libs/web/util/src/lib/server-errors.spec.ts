import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors } from './server-errors';

describe('applyServerErrors', () => {
  function form(): FormGroup {
    return new FormGroup({
      timeZone: new FormControl('Europe/Atlantis'),
      languages: new FormArray([new FormGroup({ code: new FormControl('xx'), level: new FormControl('native') })]),
      channels: new FormGroup({ email: new FormControl(true) }),
    });
  }

  it('puts each message on the control its dotted path names', () => {
    const f = form();
    const rest = applyServerErrors(f, [
      { field: 'timeZone', message: 'timeZone: "Europe/Atlantis" is not an IANA time zone' },
      { field: 'languages.0.code', message: 'must be an ISO 639-1 code' },
      { field: 'channels.2', message: 'must be one of email, tickets, chat, phone' },
      { field: 'nickname', message: 'is not allowed' },
    ]);
    expect(f.get('timeZone')?.errors).toEqual({ server: '"Europe/Atlantis" is not an IANA time zone' });
    expect(f.get('timeZone')?.touched).toBe(true);
    expect(f.get('languages.0.code')?.errors).toEqual({ server: 'Must be an ISO 639-1 code' });
    expect(f.get('channels')?.errors).toEqual({ server: 'Must be one of email, tickets, chat, phone' });
    expect(rest).toEqual([{ field: 'nickname', message: 'is not allowed' }]);
  });

  it('clears a server error as soon as the field is edited', () => {
    const f = form();
    applyServerErrors(f, [{ field: 'timeZone', message: 'unknown' }]);
    f.get('timeZone')?.setValue('Europe/Lisbon');
    expect(f.get('timeZone')?.errors).toBeNull();
  });
});
