import { describe, expect, it } from 'vitest';
import { doctorsErrors, firstDoctorError } from './doctors';
import { settingsFieldIdForPath } from './settings-fields';

describe('doctorsErrors (core schema, by row and field)', () => {
  it('accepts doctors with a name, and an NPI or none', () => {
    expect(doctorsErrors([{ name: 'Dr. Ana Ruiz', npi: '1234567893' }, { name: 'Dr. Lee Kim', npi: '' }])).toEqual({ rows: {} });
  });

  it('says a name is required and an NPI must pass its check digit, at their own row', () => {
    const errors = doctorsErrors([{ name: 'Dr. Ana Ruiz', npi: '' }, { name: ' ', npi: '1234567890' }]);
    expect(errors.rows[0]).toBeUndefined();
    expect(errors.rows[1]?.name).toMatch(/Enter the doctor's name/);
    expect(errors.rows[1]?.npi).toMatch(/NPI is not valid: check each digit/);
    expect(firstDoctorError(errors)).toEqual({ index: 1, field: 'name' });
  });

  it('refuses a doctor listed twice (capitals and spaces do not matter) at the second one', () => {
    const errors = doctorsErrors([{ name: 'Dr. Ana Ruiz', npi: '' }, { name: 'dr. ana ruiz ', npi: '' }]);
    expect(errors.rows[1]?.name).toBe('This doctor is listed twice.');
    expect(errors.rows[0]).toBeUndefined();
  });

  it('says when the list is too long', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `Dr. ${i}`, npi: '' }));
    expect(doctorsErrors(many).list).toMatch(/at most 50/);
    expect(firstDoctorError(doctorsErrors(many))).toBeNull();
  });
});

describe('settingsFieldIdForPath', () => {
  it('finds the Settings field a readiness issue names', () => {
    expect(settingsFieldIdForPath('clinic.npi')).toBe('set-clinic-npi');
    expect(settingsFieldIdForPath('otherProviders.asc.name')).toBe('set-other-asc-name');
    expect(settingsFieldIdForPath('otherProviders.hospitalOutpatient.tin')).toBe('set-other-hospitalOutpatient-tin');
    expect(settingsFieldIdForPath('otherProviders.moon.name')).toBeNull();
    expect(settingsFieldIdForPath('coverage.kind')).toBeNull();
  });
});
