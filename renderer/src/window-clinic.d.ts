import type { ClinicApi } from '../../core/ipc/api';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the preview bridge (browser). */
    clinic: ClinicApi;
  }
}
