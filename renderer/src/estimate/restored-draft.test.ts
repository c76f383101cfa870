import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings';
import { initialValues } from './form-model';
import { restoredDraftNotice } from './restored-draft';

const blank = initialValues(defaultSettings.defaults);

describe('restoredDraftNotice', () => {
  it('names the patient, last name first', () => {
    expect(restoredDraftNotice({ ...blank, firstName: ' Ana ', lastName: 'Ruiz' })).toBe(
      'Unfinished estimate restored for Ruiz, Ana. Keep working on it, or clear the form for another patient.',
    );
    expect(restoredDraftNotice({ ...blank, lastName: 'Ruiz' })).toBe('Unfinished estimate restored for Ruiz. Keep working on it, or clear the form for another patient.');
  });

  it('still warns for a draft with a Member ID or birth date but no name', () => {
    expect(restoredDraftNotice({ ...blank, memberId: 'XJ1' })).toBe('Unfinished estimate restored. Keep working on it, or clear the form for another patient.');
    expect(restoredDraftNotice({ ...blank, dateOfBirth: '03/14/1950' })).not.toBeNull();
  });

  it('says nothing for a draft without patient details (only plan figures)', () => {
    expect(restoredDraftNotice({ ...blank, deductible: '$500.00' })).toBeNull();
  });
});
