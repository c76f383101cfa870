import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../../core/estimate/types';
import { defaultSettings, noOtherProviders } from '../../../core/settings';
import { packetBlock, packetReadinessIssues, withoutLetterhead } from './packet-readiness';

const line = (provider: Estimate['lines'][number]['provider']) => ({ id: provider, code: '00000', description: '', provider, quantity: 1, lowCents: 1, highCents: 2 });
const atFacility = { goodFaithEstimate: true, lines: [line('physician'), line('facility')] };
const clinic = { ...defaultSettings.clinic, name: 'Lakeside Spine Center', address: '12 Lake Rd, Springfield, IL', phone: '(217) 555-0100', npi: '1234567893', tin: '12-3456789' };
const asc = { name: 'Lakeside Surgery Center', npi: '1245319599', tin: '98-7654321', address: '2 Lake Rd, Springfield, IL' };

describe('packetReadinessIssues', () => {
  it('an ASC Good Faith Estimate with the clinic complete still needs the surgery center', () => {
    const issues = packetReadinessIssues(atFacility, true, { clinic, otherProviders: noOtherProviders }, 'asc');
    expect(issues.map((i) => i.path)).toEqual(['otherProviders.asc.name']);
    expect(packetReadinessIssues(atFacility, true, { clinic, otherProviders: { ...noOtherProviders, asc } }, 'asc')).toEqual([]);
  });

  it('before the first estimate, checks the clinic only; insured estimates need only the letterhead', () => {
    expect(packetReadinessIssues(null, true, { clinic: defaultSettings.clinic, otherProviders: noOtherProviders }, 'asc').map((i) => i.path)).toEqual([
      'clinic.name',
      'clinic.npi',
      'clinic.tin',
      'clinic.address',
    ]);
    expect(packetReadinessIssues(null, false, defaultSettings, 'asc').map((i) => i.path)).toEqual(['clinic.name']);
    expect(packetReadinessIssues({ ...atFacility, goodFaithEstimate: false }, true, { ...defaultSettings, clinic }, 'asc')).toEqual([]);
  });
});

describe('withoutLetterhead', () => {
  it("leaves out only the letterhead's issue (New estimate says it once, at the top)", () => {
    const issues = packetReadinessIssues(null, true, { clinic: defaultSettings.clinic, otherProviders: noOtherProviders }, 'office');
    expect(withoutLetterhead(issues, defaultSettings.clinic).map((i) => i.path)).toEqual(['clinic.npi', 'clinic.tin', 'clinic.address']);
  });
});

describe('packetBlock', () => {
  it('sends staff to the Settings part and field the first issue names, with every message', () => {
    const issues = packetReadinessIssues(atFacility, true, { clinic: { ...clinic, tin: '' }, otherProviders: noOtherProviders }, 'asc');
    const block = packetBlock(issues);
    expect(block.settingsLabel).toBe('Go to Settings → Clinic profile');
    expect(block.settingsFocus).toBe('set-clinic-tin');
    expect(block.message).toContain('Settings → Clinic profile');
    expect(block.message).toContain('Settings → Other providers → Surgery center (ASC)');
    const ascOnly = packetBlock(packetReadinessIssues(atFacility, true, { clinic, otherProviders: noOtherProviders }, 'asc'));
    expect(ascOnly).toMatchObject({ settingsLabel: 'Go to Settings → Other providers', settingsFocus: 'set-other-asc-name' });
  });

  it("takes the main side's message as it is, and says something even with nothing named", () => {
    expect(packetBlock([{ path: 'otherProviders.hospitalOutpatient.npi', message: 'x' }], 'From main.')).toEqual({
      message: 'From main.',
      settingsLabel: 'Go to Settings → Other providers',
      settingsFocus: 'set-other-hospitalOutpatient-npi',
    });
    expect(packetBlock([], '')).toMatchObject({ settingsLabel: 'Go to Settings', settingsFocus: null, message: expect.stringMatching(/Check Settings/) });
  });
});
