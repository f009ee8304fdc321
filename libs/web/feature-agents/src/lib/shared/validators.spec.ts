import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { uniqueLanguagesValidator } from './validators';

describe('uniqueLanguagesValidator', () => {
  it('flags the repeated row and releases it when fixed', () => {
    const row = (code: string) => new FormGroup({ code: new FormControl(code) });
    const languages = new FormArray([row('fr'), row('en'), row('fr')], uniqueLanguagesValidator);
    expect(languages.hasError('duplicateLanguages')).toBe(true);
    expect(languages.at(0).get('code')?.errors).toBeNull();
    expect(languages.at(2).get('code')?.hasError('duplicate')).toBe(true);
    languages.at(2).get('code')?.setValue('nl');
    expect(languages.valid).toBe(true);
    expect(languages.at(2).get('code')?.errors).toBeNull();
  });
});
