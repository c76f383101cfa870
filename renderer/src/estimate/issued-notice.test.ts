import { describe, expect, it } from 'vitest';
import { issuedNotice } from './issued-notice';

describe('issuedNotice', () => {
  it('says the packet is kept in Past estimates and the form stays until cleared', () => {
    const text = issuedNotice(true);
    expect(text).toMatch(/^Packet issued and kept in Past estimates\./);
    expect(text).toMatch(/Clear form/);
    expect(text).not.toMatch(/draft/i);
  });

  it('never claims Past estimates when the packet was not kept on record', () => {
    const text = issuedNotice(false);
    expect(text).toMatch(/^Packet issued\./);
    expect(text).not.toMatch(/issued and kept in Past estimates/);
    expect(text).toMatch(/not kept in Past estimates/);
    expect(text).toMatch(/Clear form/);
  });

  it('says a packet waiting for the shared server is kept on this computer until it answers, not in Past estimates', () => {
    const text = issuedNotice(true, true);
    expect(text).toMatch(/^Packet issued\. The clinic's records server cannot be reached just now, so it is kept on this computer/);
    expect(text).not.toMatch(/kept in Past estimates/);
    expect(text).toMatch(/Clear form/);
    expect(issuedNotice(true, false)).toMatch(/^Packet issued and kept in Past estimates\./);
  });
});
