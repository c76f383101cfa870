/**
 * The one set of e2e fixtures. `app` is the built renderer in Chromium, served by the
 * browser-preview server on a fresh data folder, with window.clinic running the real
 * main-process handlers (only Electron's IPC transport is replaced). Every request that
 * leaves 127.0.0.1 is blocked and recorded in `outsideRequests`.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startPreviewServer, type PreviewServer } from '../scripts/preview-bridge/server';
import { SETTINGS_VERSION, defaultSettings, type ClinicProfile } from '../core/settings';

export const repoRoot = resolve(import.meta.dirname, '..');
export const screenshotDir = join(repoRoot, 'e2e-artifacts', 'screenshots');

export interface App {
  page: Page;
  dataDir: string;
  url: string;
  /** Network requests to anywhere but the preview server (should stay empty: the app is offline). */
  outsideRequests: string[];
  /** Files the save "dialog" wrote (full paths). */
  savedFiles(): string[];
  /** Files sent to the "printer" (full paths). */
  printedFiles(): string[];
  /** Reload and wait until the app says it is ready. */
  reload(): Promise<void>;
  /** Push an event as the main process would (the OS locking the screen); how many streams it reached. */
  emit: PreviewServer['emit'];
  /** How many of the page's event streams listen for an event. */
  subscribers: PreviewServer['subscribers'];
}

export interface LaunchOptions {
  /** Reuse a data folder (default: a new empty one). */
  dataDir?: string;
  viewport?: { width: number; height: number };
  /** Clinic profile fields in settings.json before the app starts (a new data folder only). */
  clinic?: Partial<ClinicProfile>;
  /** A machine policy file, as IT puts one at the fixed place (the preview's --policy). */
  policyFile?: string;
}

/** What every packet's letterhead needs (no packet is issued without it): for specs that issue packets. */
export const letterhead = { name: 'Lakeside Spine Center', phone: '(217) 555-0100' } as const;

function writeClinic(dataDir: string, clinic: Partial<ClinicProfile>): void {
  const settings = { ...defaultSettings, clinic: { ...defaultSettings.clinic, ...clinic } };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: SETTINGS_VERSION, settings }), { mode: 0o600 });
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

export async function waitForReady(page: Page): Promise<void> {
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
}

type Fixtures = {
  launchApp: (options?: LaunchOptions) => Promise<App>;
  /** How `app` is launched: `test.use({ appOptions: { clinic: letterhead } })` in specs that issue packets. */
  appOptions: LaunchOptions;
  app: App;
};

export const test = base.extend<Fixtures>({
  launchApp: async ({ browser }, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    await use(async (options = {}) => {
      const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'clinic-e2e-'));
      if (options.clinic !== undefined && options.dataDir === undefined) writeClinic(dataDir, options.clinic);
      const server = await startPreviewServer({ port: 0, dataDir, appRoot: repoRoot, ...(options.policyFile === undefined ? {} : { policyFile: options.policyFile }) });
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
      cleanups.push(async () => {
        await context.close();
        await server.close();
      });
      const outsideRequests: string[] = [];
      const origin = new URL(server.url).origin;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        // Chromium's own PDF viewer (chrome-extension://, chrome://) is not the network.
        if (url.startsWith(`${origin}/`) || !/^(https?|wss?|ftp):/i.test(url)) return route.continue();
        outsideRequests.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('websocket', (socket) => outsideRequests.push(socket.url()));
      await page.goto(server.url);
      await waitForReady(page);
      return {
        page,
        dataDir,
        url: server.url,
        outsideRequests,
        savedFiles: () => listFiles(join(dataDir, 'saved')),
        printedFiles: () => listFiles(join(dataDir, 'printed')),
        reload: async () => {
          await page.reload();
          await waitForReady(page);
        },
        emit: (event, payload) => server.emit(event, payload),
        subscribers: (event) => server.subscribers(event),
      };
    });
    for (const cleanup of cleanups.reverse()) await cleanup();
  },
  appOptions: [{}, { option: true }],
  app: async ({ launchApp, appOptions }, use) => {
    await use(await launchApp(appOptions));
  },
});

export { expect };
