/**
 * The OS's signals that no one is at the PC (the screen locked, the machine going to sleep),
 * passed on so the renderer covers patient data with its privacy screen before anyone else
 * can look. Electron's powerMonitor emits them; a stand-in does in tests.
 */
import type { OsLockReason } from '../../core/ipc/contract';

/** The part of Electron's powerMonitor used here ('lock-screen': Windows and macOS; 'suspend': all). */
export interface LockSignalSource {
  on(event: OsLockReason, listener: () => void): unknown;
}

export function forwardOsLockSignals(source: LockSignalSource, notify: (reason: OsLockReason) => void): void {
  source.on('lock-screen', () => notify('lock-screen'));
  source.on('suspend', () => notify('suspend'));
}
