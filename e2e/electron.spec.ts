/**
 * The real Electron app, for machines that have the Electron binary (developers' PCs).
 * Where the binary could not be downloaded (these build machines), it is skipped with the
 * reason printed; the Chromium specs cover the same renderer and handlers.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { test, expect, repoRoot } from './fixtures';

/**
 * Since Electron 42 the package has no install script: `require('electron')` downloads the
 * binary the first time it runs. Look for a downloaded binary without starting a download
 * (node_modules/electron/path.txt names it inside dist/).
 */
function electronBinary(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary has not been downloaded (`npx install-electron` or `npm start` fetches it)' };
  const path = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { reason: `node_modules/electron/path.txt names ${path}, which is missing` };
}

const binary = electronBinary();
if ('reason' in binary) console.log(`[electron.spec] skipped: ${binary.reason}.`);

test.describe('Electron app', () => {
  test.skip('reason' in binary, 'reason' in binary ? `Electron binary unavailable: ${binary.reason}` : '');

  test('starts hardened, saves settings and exposes only window.clinic', async () => {
    if (!('path' in binary)) return;
    const userData = mkdtempSync(join(tmpdir(), 'clinic-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [join(repoRoot, 'out', 'main', 'index.js'), '--no-sandbox'],
      env: { ...process.env, CLINIC_USER_DATA: userData },
    });
    try {
      const page = await app.firstWindow();
      await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
      expect(page.url()).toMatch(/^app:\/\/bundle\//);
      const exposed = await page.evaluate(() => ({
        hasProcess: typeof (globalThis as Record<string, unknown>)['process'] !== 'undefined',
        hasRequire: typeof (globalThis as Record<string, unknown>)['require'] !== 'undefined',
        groups: Object.keys(window.clinic).sort(),
      }));
      expect(exposed).toEqual({ hasProcess: false, hasRequire: false, groups: ['config', 'draft', 'estimate', 'fees', 'medicare', 'packet', 'procedures', 'settings'] });
      const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'));
      expect(blocked).toBe('blocked');
      await page.getByRole('button', { name: 'Settings' }).first().click();
      await page.getByLabel('Clinic name').fill('Electron Clinic');
      await page.getByRole('button', { name: /save clinic profile/i }).click();
      await expect(page.getByText(/saved/i).first()).toBeVisible();
      expect(existsSync(join(userData, 'settings.json'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
