import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings';
import { warmUpInput } from './packet-warm-up';
import { PREPARED_DATE, shippedCatalog, shippedEstimator } from './testing/packet-fixtures';

describe('warmUpInput', () => {
  it("runs the primary procedure's warm-up case through the case pipeline, with the clinic's settings", () => {
    const input = warmUpInput(shippedEstimator(), shippedCatalog().primary.warmUpCase, defaultSettings, PREPARED_DATE);
    expect(input?.caseData.patient.lastName).toBe('Up');
    expect(input?.estimate.codes.length).toBe(2);
    expect(input?.estimate.charges.low).toBeGreaterThan(0);
    expect(input?.clinic).toBe(defaultSettings.clinic);
    expect(input?.preparedDate).toBe(PREPARED_DATE);
  });

  it('gives nothing to render when the warm-up case no longer passes (no warm-up, no error)', () => {
    expect(warmUpInput(shippedEstimator(), { patient: 'nobody' }, defaultSettings, PREPARED_DATE)).toBeNull();
  });
});
