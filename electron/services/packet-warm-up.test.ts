import { describe, expect, it } from 'vitest';
import { checkPacketReady } from '../../core/packet/ready';
import { defaultSettings } from '../../core/settings';
import { warmUpInput } from './packet-warm-up';
import { PREPARED_DATE, shippedCatalog, shippedEstimator } from './testing/packet-fixtures';

describe('warmUpInput', () => {
  it("runs the primary procedure's warm-up case through the case pipeline, with the clinic's settings", () => {
    const input = warmUpInput(shippedEstimator(), shippedCatalog().primary.warmUpCase, defaultSettings, PREPARED_DATE);
    expect(input?.caseData.patient.lastName).toBe('Up');
    expect(input?.estimate.codes.length).toBe(2);
    expect(input?.estimate.charges.low).toBeGreaterThan(0);
    expect(input?.preparedDate).toBe(PREPARED_DATE);
    const clinic = { ...defaultSettings.clinic, name: 'Lakeside Spine Center', phone: '(217) 555-0100' };
    expect(warmUpInput(shippedEstimator(), shippedCatalog().primary.warmUpCase, { ...defaultSettings, clinic }, PREPARED_DATE)?.clinic).toBe(clinic);
  });

  it('still warms up on a fresh install: a stand-in letterhead while the clinic has no name or phone (never shown)', () => {
    const input = warmUpInput(shippedEstimator(), shippedCatalog().primary.warmUpCase, defaultSettings, PREPARED_DATE);
    if (input === null) throw new Error('no warm-up input');
    expect(checkPacketReady(input.estimate, input.clinic, input.caseData.procedure.site, input.otherProviders)).toEqual([]);
  });

  it('gives nothing to render when the warm-up case no longer passes (no warm-up, no error)', () => {
    expect(warmUpInput(shippedEstimator(), { patient: 'nobody' }, defaultSettings, PREPARED_DATE)).toBeNull();
  });
});
