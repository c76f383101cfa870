import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { OsLockReason } from '../../core/ipc/contract';
import { forwardOsLockSignals } from './os-lock-signals';

describe('OS lock signals', () => {
  it('the screen locking and the machine suspending each reach the renderer, named', () => {
    const powerMonitor = new EventEmitter();
    const sent: OsLockReason[] = [];
    forwardOsLockSignals(powerMonitor, (reason) => sent.push(reason));
    expect(sent).toEqual([]);
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(sent).toEqual(['lock-screen', 'suspend']);
  });
});
