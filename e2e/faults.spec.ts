/**
 * Faults staff meet, with real files: a settings file this Windows user may not read (the notice
 * says why, the app does not save over it, Try again reads it once allowed), and a full disk
 * (Settings and the draft say so, and what was typed stays on screen). Each prints the method.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_VERSION, defaultSettings } from '../core/settings';
import { faultFolder, giveToChild, permissionMethod, smallDisk, spawnNode } from '../electron/services/testing/fault-methods';
import { expect, repoRoot, test, waitForReady } from './fixtures';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const clinicFile = JSON.stringify({ version: SETTINGS_VERSION, settings: { ...defaultSettings, clinic: { ...defaultSettings.clinic, name: 'Riverside Spine Clinic' } } });

test('a settings file this user may not read: a notice says why, with Try again that reads it once allowed', async ({ browser }) => {
  // Two app starts (the preview as its own process) and two rounds of screenshots: slower than most.
  test.setTimeout(150_000);
  const method = permissionMethod();
  console.log(`[faults] unreadable settings file: ${method.label}`);
  test.skip(method.kind === 'unavailable', `no way to make a real permission fault here: ${method.label}`);
  const dataDir = faultFolder(method, 'clinic-e2e-unreadable-');
  const file = join(dataDir, 'settings.json');
  writeFileSync(file, clinicFile);
  giveToChild(method, file);
  chmodSync(file, 0o000);

  // The preview as its own process, as the user who may not read the file (root reads anything).
  const preview = spawnNode(method, [join(repoRoot, 'scripts', 'preview-browser.ts'), '--port', '0', '--data-dir', dataDir]);
  const exited = new Promise<void>((resolve) => preview.on('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      preview.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const found = /^Preview: (\S+)$/m.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      void exited.then(() => reject(new Error('the preview stopped before it started')));
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await waitForReady(page);

    const notice = page.getByRole('status').filter({ hasText: 'The settings file could not be read' });
    await expect(notice).toContainText('the user signed in to this computer is not allowed to read it');
    await expect(notice).toContainText('does not save over the file');
    const tryAgain = notice.getByRole('button', { name: 'Try again' });
    await expect(tryAgain).toBeVisible();
    await expectNoAxeViolations(page, 'settings file unreadable notice');
    await screenshots(page, 'faults-settings-unreadable');

    // Still not allowed: the notice says it tried.
    await tryAgain.click();
    await expect(notice).toContainText('Tried again: still not readable.');

    // IT fixes the permission; Try again now reads the clinic's settings.
    chmodSync(file, 0o600);
    await tryAgain.click();
    const read = page.getByRole('status').filter({ hasText: 'The settings file was read.' });
    await expect(read).toBeVisible();
    await expect(read.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByLabel('Clinic name')).toHaveValue('Riverside Spine Clinic');
    await expectNoAxeViolations(page, 'settings file read again');
    // The Settings screen is long: the window at the top shows the notice and the clinic's name.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshots(page, 'faults-settings-read-again', { fullPage: false });
    await context.close();
  } finally {
    preview.kill('SIGTERM');
    await exited;
  }
});

test('a full disk: Settings and the draft say the disk is full, and what was typed stays', async ({ launchApp }) => {
  test.setTimeout(120_000);
  const disk = smallDisk('2m');
  console.log(`[faults] full disk: ${disk.label}`);
  try {
    test.skip(disk.method !== 'tmpfs', `the preview's own files need a real full disk: ${disk.label}`);
    const app = await launchApp({ dataDir: disk.folder('data') });
    const { page } = app;
    disk.fill();

    await page.getByLabel('First name').fill('Margaret');
    await expect(page.getByText('The draft could not be saved: the disk is full.')).toBeVisible();
    await expect(page.getByLabel('First name')).toHaveValue('Margaret');

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Clinic name').fill('Lakeside Spine & Pain Center');
    await page.getByRole('button', { name: /save clinic profile/i }).click();
    await expect(page.getByText('The settings could not be saved: the disk is full.', { exact: false })).toBeVisible();
    await expect(page.getByLabel('Clinic name')).toHaveValue('Lakeside Spine & Pain Center');
    await expectNoAxeViolations(page, 'settings save on a full disk');
    await screenshots(page, 'faults-disk-full-settings');
  } finally {
    disk.release();
  }
});
