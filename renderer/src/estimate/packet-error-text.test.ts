import { describe, expect, it } from 'vitest';
import { packetErrorText } from './packet-error-text';

describe('packetErrorText', () => {
  it('adds "the fields concerned are highlighted" only when a field was highlighted', () => {
    expect(packetErrorText('Some characters cannot be printed.', 'firstName')).toBe('Some characters cannot be printed. The fields concerned are highlighted.');
    expect(packetErrorText('The packet template is not valid.', null)).toBe('The packet template is not valid.');
  });
});
