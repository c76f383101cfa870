/**
 * The Electron shell, thin: security first, then the app:// protocol, the services, the IPC
 * handlers and the window. Everything with behaviour lives in electron/services or core.
 */
import { renameSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { createAppServices } from '../services/app-services';
import { createWorkerPacketRenderer } from '../services/packet-worker/worker-packet-renderer';
import { loadPolicy, policyFile } from '../services/policy';
import { runStartup, type StartupFailureCaps } from '../services/startup-failure';
import { installAppMenu } from './menu';
import { clearPrintFolder, makeSaveFile, osCipher, printPdf } from './os-capabilities';
import { registerIpc, sendEvent } from './ipc';
import { forwardOsLockSignals } from './os-lock-signals';
import { registerAppScheme, serveAppScheme } from './protocol';
import { hardenAllWebContents, hardenDefaultSession } from './security';
import { createMainWindow } from './window';
import { APP_ORIGIN } from './security-policy';

/** The OS account using the app, for the audit log. */
function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

// Errors are logged without their messages or stacks' data: they may carry patient details.
const safeLog = (message: string): void => console.error(message);
process.on('uncaughtException', (error) => safeLog(`[main] uncaught ${error.name}`));
process.on('unhandledRejection', () => safeLog('[main] unhandled rejection'));

// Tests on machines with the Electron binary point user data at a temp folder.
const testUserData = process.env['CLINIC_USER_DATA'];
if (!app.isPackaged && testUserData) app.setPath('userData', testUserData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const devServerOrigin = app.isPackaged ? null : (process.env['ELECTRON_RENDERER_URL'] ?? null);
  const policy = { devServerOrigin };
  let mainWindow: BrowserWindow | null = null;

  registerAppScheme();
  hardenAllWebContents();
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());

  const startupPaths = { appRoot: app.getAppPath(), dataDir: app.getPath('userData') };
  // Whatever fails before the window shows: a plain dialog naming the file or folder, then
  // exit, releasing the lock (never an invisible process that blocks the next start).
  const onStartupFailure: StartupFailureCaps = {
    showErrorBox: (title, message) => dialog.showErrorBox(title, message),
    releaseLock: () => app.releaseSingleInstanceLock(),
    quit: (exitCode) => app.exit(exitCode),
    log: safeLog,
  };
  void app.whenReady().then(() => runStartup(startupPaths, onStartupFailure, async () => {
    hardenDefaultSession(policy);
    await clearPrintFolder();
    serveAppScheme(join(import.meta.dirname, '../renderer'));
    installAppMenu();

    const { dataDir } = startupPaths;
    // IT's machine policy at the fixed per-OS place; a bad one stops start-up, naming it.
    const machinePolicy = await loadPolicy(policyFile(process.platform, process.env));
    const services = createAppServices(
      { ...startupPaths, ...(machinePolicy === null ? {} : { policy: machinePolicy }) },
      {
        openStore: () => new ElectronStore<Record<string, unknown>>({ name: 'settings', cwd: dataDir, configFileMode: 0o600 }),
        rename: renameSync,
        cipher: osCipher,
        saveFile: makeSaveFile(() => mainWindow),
        printPdf: (pdf) => printPdf(pdf),
        settingsChanged: (settings) => sendEvent(mainWindow?.webContents, 'settings:changed', settings),
        operator: operatorName(),
        log: safeLog,
        // Packets are made in a worker thread (out/main/packet-worker.js): the window never waits.
        packetRenderer: (fontsDir) => createWorkerPacketRenderer({ fontsDir, entry: { url: pathToFileURL(join(import.meta.dirname, 'packet-worker.js')) }, log: safeLog }),
      },
    );
    app.on('will-quit', () => void services.close());
    registerIpc(services.handlers, policy, safeLog);
    // The screen locking or the PC going to sleep: the privacy screen covers patient data.
    forwardOsLockSignals(powerMonitor, (reason) => sendEvent(mainWindow?.webContents, 'privacy:os-locked', { reason }));

    mainWindow = createMainWindow(join(import.meta.dirname, '../preload'), services.settings);
    // The warm-up runs in the packet worker, so it starts as soon as the window shows.
    mainWindow.once('ready-to-show', () => void services.warmUp());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    await mainWindow.loadURL(devServerOrigin ?? `${APP_ORIGIN}/index.html`);
  }));
}
