import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

test('clinic profile fields say what is wanted; the fee check lists combinations out of range', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await expectNoAxeViolations(app.page, 'Settings');
  await screenshots(app.page, 'settings');

  await settings.fillClinic({ npi: '1234567890', tin: '123' });
  await settings.clinicProfile.getByRole('button', { name: 'Save clinic profile' }).click();
  const npi = settings.clinicProfile.getByLabel('NPI', { exact: true });
  await expect(npi).toBeFocused();
  await expect(npi).toHaveAttribute('aria-invalid', 'true');
  await expect(npi).toHaveAccessibleDescription(/NPI is not valid: check each digit/);
  await expect(settings.clinicProfile.getByLabel('TIN', { exact: true })).toHaveAccessibleDescription(/12-3456789/);
  await expectNoAxeViolations(app.page, 'Settings with errors');

  // A facility fee far above the default pushes combinations out of the usual price range.
  await settings.feeInput('High', 'Hospital outpatient facility fee: room').fill('14000');
  await settings.saveFees();
  await expect(settings.fees.getByText(/leave the usual price range for this procedure/)).toBeVisible();
  await screenshots(app.page, 'settings-fees-out-of-range');
  await settings.fees.getByRole('button', { name: 'Reset to default fees' }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Reset fees' }).click();
  await expect(settings.fees.getByText(/Every 1–3-level combination stays within/)).toBeVisible();
});

test('settings exported on one computer import on a fresh one after showing the changes', async ({ app, launchApp }) => {
  const first = new SettingsPage(app.page);
  await first.open();
  await first.fillClinic({ name: 'Lakeside Spine Center', phone: '555-0100', npi: '1234567893', tin: '12-3456789' });
  await first.saveClinic();
  await first.defaults.getByLabel('Self-pay discount (%)').fill('15');
  await first.defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(first.defaults.getByRole('status')).toContainText('Saved');
  const exported = await first.exportConfiguration();
  expect(app.savedFiles()).toContain(exported);
  const file = JSON.parse(readFileSync(exported, 'utf8')) as { settings: { clinic: { name: string } } };
  expect(file.settings.clinic.name).toBe('Lakeside Spine Center');

  const fresh = await launchApp();
  const second = new SettingsPage(fresh.page);
  await second.open();
  const changes = await second.chooseImportFile(exported);
  await expect(changes).toContainText('Lakeside Spine Center');
  await expect(changes).toContainText('1234567893');
  await expectNoAxeViolations(fresh.page, 'Settings import preview');
  await screenshots(fresh.page, 'settings-import-preview');
  await changes.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(second.configuration.getByText(/Imported\./)).toBeVisible();

  await fresh.reload();
  await second.open();
  await expect(second.clinicProfile.getByLabel('Clinic name')).toHaveValue('Lakeside Spine Center');
  await expect(second.defaults.getByLabel('Self-pay discount (%)')).toHaveValue('15');

  // A file that is not a clinic configuration is refused in plain words, changing nothing.
  const bad = join(fresh.dataDir, 'not-a-config.json');
  writeFileSync(bad, '{"hello": 1}');
  await second.configuration.getByLabel('Import clinic configuration').setInputFiles(bad);
  await expect(second.configuration.getByRole('alert')).toBeVisible();
  expect(fresh.outsideRequests).toEqual([]);
});

test('a logo image can be added to the clinic profile and removed again', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  const png = join(app.dataDir, 'logo.png');
  writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  await settings.clinicProfile.getByLabel('Logo (optional)').setInputFiles(png);
  const logo = settings.clinicProfile.getByRole('img', { name: 'Clinic logo as it will print' });
  await expect(logo).toBeVisible();
  await settings.saveClinic();
  await app.reload();
  await settings.open();
  await expect(logo).toBeVisible();
  await settings.clinicProfile.getByRole('button', { name: 'Remove logo' }).click();
  await expect(logo).toHaveCount(0);
  await settings.saveClinic();
  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { settings: { clinic: { logoDataUrl: string } } };
  expect(onDisk.settings.clinic.logoDataUrl).toBe('');
});

test('at 200% zoom (640x400) the fee schedule and Medicare rates fit the window: every amount box is in view across', async ({ launchApp }) => {
  const app = await launchApp({ viewport: { width: 640, height: 400 } });
  const settings = new SettingsPage(app.page);
  await settings.open();
  const width = app.page.viewportSize()?.width ?? 0;
  // Nothing on Settings is wider than the window (no part cut off at the right).
  expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await expect(settings.medicareRates.getByRole('textbox').first()).toBeVisible();
  // No table on Settings needs scrolling sideways (nothing hidden past its right edge).
  expect(await app.page.evaluate(() => [...document.querySelectorAll('.table-wrap')].filter((w) => w.scrollWidth > w.clientWidth).length)).toBe(0);
  for (const table of [settings.fees, settings.medicareRates]) {
    expect(await table.getByRole('textbox').count()).toBeGreaterThan(0);
    // Every box's right edge inside the window and inside its table's box, with nothing scrolled sideways.
    const cutOff = await table.evaluate((section) =>
      [...section.querySelectorAll('input')].flatMap((input) => {
        const wrap = input.closest('.table-wrap');
        if (wrap !== null) wrap.scrollLeft = 0;
        const right = Math.min(window.innerWidth, wrap?.getBoundingClientRect().right ?? window.innerWidth);
        const box = input.getBoundingClientRect();
        return box.left >= 0 && box.right <= right + 0.5 ? [] : [input.id];
      }),
    );
    expect(cutOff, 'amount boxes cut off at the right').toEqual([]);
  }
  await expect(settings.feeInput('High', 'Hospital outpatient facility fee: room')).toBeVisible();
  await settings.fees.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(app.page, 'Settings at 200% zoom');
  await screenshots(app.page, 'settings-fees-zoom');
});
