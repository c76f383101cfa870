/** The one app window: hardened webPreferences, remembered size, shown when ready. */
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { SettingsService, WindowBounds } from '../services/settings-service';

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860 };

/**
 * The title bar, taskbar, Alt+Tab and screen sharing show this and only this: never the page's
 * own title, which could one day name a patient.
 */
export const WINDOW_TITLE = 'Clinic Estimate & Packet';

/** Keep a remembered window on a screen that still exists. */
function visibleBounds(saved: WindowBounds | null): WindowBounds {
  if (!saved) return DEFAULT_BOUNDS;
  const { x, y } = saved;
  if (x === undefined || y === undefined) return saved;
  const onScreen = screen.getAllDisplays().some(({ workArea: a }) => x >= a.x - 50 && y >= a.y - 50 && x < a.x + a.width && y < a.y + a.height);
  return onScreen ? saved : { width: saved.width, height: saved.height };
}

export function createMainWindow(preloadDir: string, settings: SettingsService): BrowserWindow {
  const bounds = visibleBounds(settings.getWindowBounds());
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: '#f7f7f4',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'), // eng-disable PRELOAD_JS_CHECK reviewed: the preload exposes only window.clinic, built from the IPC contract (contextIsolation and sandbox on)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // No middle-click (auxclick) opening links in new windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      // The built-in PDF viewer, for the packet preview (the only plugin Electron has).
      plugins: true,
    },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Electron copies document.title to the window unless told not to.
  window.on('page-title-updated', (event) => event.preventDefault());

  const remember = (): void => {
    if (window.isDestroyed()) return;
    const maximized = window.isMaximized();
    const normal = window.getNormalBounds();
    settings.setWindowBounds({ ...normal, maximized });
  };
  window.on('close', remember);
  return window;
}
