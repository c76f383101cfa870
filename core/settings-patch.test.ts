import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, settingsPatchSchema, settingsSchema } from './settings';

describe('applySettingsPatch', () => {
  it('keeps the current value of a field the patch sends as undefined (IPC carries undefined values)', () => {
    const current = { ...defaultSettings, clinic: { ...defaultSettings.clinic, name: 'Riverside Spine Clinic' } };
    const patch = settingsPatchSchema.parse({ clinic: { name: undefined, phone: '(217) 555-0142' }, defaults: { language: undefined }, records: { idleMinutes: undefined } });
    const next = applySettingsPatch(current, patch);
    expect(next.clinic.name).toBe('Riverside Spine Clinic');
    expect(next.clinic.phone).toBe('(217) 555-0142');
    expect(next.defaults.language).toBe('en');
    expect(next.records.idleMinutes).toBe(defaultSettings.records.idleMinutes);
    expect(settingsSchema.safeParse(next).success).toBe(true);
  });
});
