import { describe, expect, it } from 'vitest';
import type { Estimate } from '../estimate/types';
import { defaultSettings } from '../settings';
import { checkPacketReady, maskMemberId } from './ready';

const gfe = { goodFaithEstimate: true } as Estimate;
const insured = { goodFaithEstimate: false } as Estimate;
const clinic = { ...defaultSettings.clinic, name: 'Clinic', address: '1 Main St, Springfield, IL', npi: '1234567893', tin: '12-3456789' };

describe('checkPacketReady', () => {
  it('refuses a Good Faith Estimate without NPI and TIN, saying where to fill them', () => {
    const issues = checkPacketReady(gfe, { ...clinic, npi: '', tin: '' });
    expect(issues.map((i) => i.path)).toEqual(['clinic.npi', 'clinic.tin']);
    for (const issue of issues) expect(issue.message).toContain('Settings → Clinic profile');
  });

  it('refuses an invalid NPI and a missing location', () => {
    const issues = checkPacketReady(gfe, { ...clinic, npi: '1234567890', address: ' ' });
    expect(issues.map((i) => i.path)).toEqual(['clinic.npi', 'clinic.address']);
  });

  it('accepts a complete profile, and insured packets need none of it', () => {
    expect(checkPacketReady(gfe, clinic)).toEqual([]);
    expect(checkPacketReady(insured, defaultSettings.clinic)).toEqual([]);
  });
});

describe('maskMemberId', () => {
  it('shows only the last 4 characters', () => {
    expect(maskMemberId('XJH123456789')).toBe('••••••••6789');
    expect(maskMemberId('XJH 1234 56789')).toBe('••••••••6789');
  });

  it('hides short IDs completely', () => {
    expect(maskMemberId('1234')).toBe('••••');
    expect(maskMemberId('')).toBe('');
  });
});
