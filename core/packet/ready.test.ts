import { describe, expect, it } from 'vitest';
import type { Estimate } from '../estimate/types';
import { defaultSettings, noOtherProviders } from '../settings';
import { checkPacketReady, maskMemberId } from './ready';

const line = (provider: Estimate['lines'][number]['provider']) => ({ id: provider, code: '00000', description: '', provider, quantity: 1, lowCents: 1, highCents: 2 });
const gfe = { goodFaithEstimate: true, lines: [line('physician')] } as Estimate;
const gfeAt = { goodFaithEstimate: true, lines: [line('physician'), line('facility'), line('anesthesia')] } as Estimate;
const insured = { goodFaithEstimate: false, lines: gfeAt.lines } as Estimate;
const asc = { name: 'Lakeside Surgery Center', npi: '1245319599', tin: '98-7654321', address: '2 Lake Rd, Springfield, IL' };
const clinic = { ...defaultSettings.clinic, name: 'Clinic', address: '1 Main St, Springfield, IL', phone: '(217) 555-0100', npi: '1234567893', tin: '12-3456789' };
const letterhead = { ...defaultSettings.clinic, name: 'Clinic', phone: '(217) 555-0100' };

describe('checkPacketReady', () => {
  it('refuses a Good Faith Estimate without NPI and TIN, saying where to fill them', () => {
    const issues = checkPacketReady(gfe, { ...clinic, npi: '', tin: '' }, 'office');
    expect(issues.map((i) => i.path)).toEqual(['clinic.npi', 'clinic.tin']);
    for (const issue of issues) expect(issue.message).toContain('Settings → Clinic profile');
  });

  it('refuses an invalid NPI and a missing location', () => {
    const issues = checkPacketReady(gfe, { ...clinic, npi: '1234567890', address: ' ' }, 'office');
    expect(issues.map((i) => i.path)).toEqual(['clinic.npi', 'clinic.address']);
  });

  it('accepts a complete profile, and insured packets need only the letterhead (name and phone)', () => {
    expect(checkPacketReady(gfe, clinic, 'office')).toEqual([]);
    expect(checkPacketReady(insured, letterhead, 'asc')).toEqual([]);
  });

  it("refuses every packet, insured too, until the clinic's name and phone are in Settings, naming what is missing", () => {
    expect(checkPacketReady(insured, defaultSettings.clinic, 'asc')).toEqual([
      { path: 'clinic.name', message: "Before you can print packets, add the clinic's name and phone number in Settings → Clinic profile." },
    ]);
    expect(checkPacketReady(insured, { ...letterhead, phone: ' ' }, 'office')).toEqual([
      { path: 'clinic.phone', message: "Before you can print packets, add the clinic's phone number in Settings → Clinic profile." },
    ]);
    expect(checkPacketReady(insured, { ...letterhead, name: '' }, 'office').map((i) => i.message)).toEqual([
      "Before you can print packets, add the clinic's name in Settings → Clinic profile.",
    ]);
    // A Good Faith Estimate: the letterhead first, said once, then what the estimate itself needs.
    expect(checkPacketReady(gfe, { ...clinic, name: '', phone: '' }, 'office').map((i) => i.path)).toEqual(['clinic.name']);
    expect(checkPacketReady(gfe, defaultSettings.clinic, 'office').map((i) => i.path)).toEqual(['clinic.name', 'clinic.npi', 'clinic.tin', 'clinic.address']);
  });

  it('refuses a surgery center case until the surgery center is entered, saying what and where', () => {
    const issues = checkPacketReady(gfeAt, clinic, 'asc');
    expect(issues).toEqual([
      {
        path: 'otherProviders.asc.name',
        message: expect.stringMatching(/surgery center.*name, NPI, tax ID \(TIN\) and address are missing\. Fill it in under Settings → Other providers → Surgery center \(ASC\)\./),
      },
    ]);
    // The hospital entered does not stand in for the surgery center, nor the other way round.
    expect(checkPacketReady(gfeAt, clinic, 'asc', { ...noOtherProviders, hospitalOutpatient: asc }).map((i) => i.path)).toEqual(['otherProviders.asc.name']);
    expect(checkPacketReady(gfeAt, clinic, 'hospital-outpatient', { ...noOtherProviders, asc }).map((i) => i.path)).toEqual(['otherProviders.hospitalOutpatient.name']);
    expect(checkPacketReady(gfeAt, clinic, 'asc', { ...noOtherProviders, asc })).toEqual([]);
  });

  it('names only what is missing or wrong in a partly entered facility', () => {
    const issues = checkPacketReady(gfeAt, clinic, 'asc', { ...noOtherProviders, asc: { ...asc, address: '', npi: '1234567890' } });
    expect(issues.map((i) => i.path)).toEqual(['otherProviders.asc.address', 'otherProviders.asc.npi']);
    expect(issues[0]?.message).toMatch(/Its address is missing/);
  });

  it('lets an anesthesia group left empty bill separately, but refuses one partly entered', () => {
    expect(checkPacketReady(gfeAt, clinic, 'asc', { ...noOtherProviders, asc })).toEqual([]);
    const partly = { ...noOtherProviders, asc, anesthesia: { name: 'Valley Anesthesia', npi: '', tin: '', address: '' } };
    expect(checkPacketReady(gfeAt, clinic, 'asc', partly).map((i) => i.path)).toEqual(['otherProviders.anesthesia.npi']);
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
