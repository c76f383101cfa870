/**
 * The machine policy's clinic configuration and lock (issue 15), in the real renderer against
 * the preview started with --policy: the configuration is in use from the first start, locked
 * sections are read-only and say why (IT sets them), unlocked ones still save, and an imported
 * file leaves what IT locked as it is, saying so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE_KIND, SETTINGS_VERSION, defaultSettings, type Settings } from '../core/settings';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const configured = (name: string, selfPayDiscountPercent: number): Settings => ({
  ...defaultSettings,
  clinic: { ...defaultSettings.clinic, name, phone: '(217) 555-0142', npi: '1234567893', tin: '12-3456789' },
  defaults: { ...defaultSettings.defaults, selfPayDiscountPercent },
});

function writeConfiguration(path: string, settings: Settings): string {
  writeFileSync(path, JSON.stringify({ kind: CONFIG_FILE_KIND, version: SETTINGS_VERSION, exportedAt: '2026-12-01T09:00:00.000Z', settings }));
  return path;
}

test('locked sections show why and cannot be changed; the rest still saves; an import keeps what IT locked', async ({ launchApp }) => {
  // Two starts of the preview and a long Settings page (screenshots at three sizes outside CI).
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'settings-policy-'));
  writeConfiguration(join(dir, 'clinic-configuration.json'), configured('Riverside Spine Clinic', 10));
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ configuration: 'clinic-configuration.json', lock: ['clinic', 'feeSchedule'] }));
  const app = await launchApp({ policyFile });
  const settings = new SettingsPage(app.page);
  await settings.open();

  // IT's configuration is in use from the first start.
  const name = settings.clinicProfile.getByLabel('Clinic name', { exact: true });
  await expect(name).toHaveValue('Riverside Spine Clinic');
  await expect(settings.defaults.getByLabel('Self-pay discount (%)')).toHaveValue('10');

  // Locked: every field and button disabled, the reason shown and read with the fields.
  await expect(name).toBeDisabled();
  await expect(settings.clinicProfile.getByRole('button', { name: 'Save clinic profile' })).toBeDisabled();
  await expect(settings.feeInput('High', 'Hospital outpatient facility fee: room')).toBeDisabled();
  await expect(settings.fees.getByRole('button', { name: 'Save fee schedule' })).toBeDisabled();
  const lockedClinic = app.page.getByRole('group', { name: 'Clinic profile (locked by IT)' });
  await expect(lockedClinic).toHaveAccessibleDescription(/Clinic profile: Set by your clinic's IT \(machine policy\), so it cannot be changed on this computer\. Ask IT/);
  await expect(app.page.getByText(/^Fee schedule: Set by your clinic's IT/)).toBeVisible();
  await expectNoAxeViolations(app.page, 'Settings with locked sections');
  await screenshots(app.page, 'settings-policy-locked');

  // Not locked: still saved here.
  await expect(settings.defaults.getByLabel('Self-pay discount (%)')).toBeEnabled();
  await settings.defaults.getByLabel('Self-pay discount (%)').fill('15');
  await settings.defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(settings.defaults.getByRole('status')).toContainText('Saved');

  // A configuration file from elsewhere: its clinic profile is not taken, and the preview says so.
  const other = writeConfiguration(join(dir, 'other-pc.json'), configured('Lakeside Imaging', 25));
  const changes = await settings.chooseImportFile(other);
  await expect(changes).toContainText("Not changed, because your clinic's IT sets it (machine policy): Clinic profile.");
  await expect(changes).not.toContainText('Lakeside Imaging');
  await expectNoAxeViolations(app.page, 'Settings import preview with locked sections');
  await changes.scrollIntoViewIfNeeded();
  await screenshots(app.page, 'settings-policy-import-preview', { fullPage: false });
  await changes.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(settings.configuration.getByText(/Imported\./)).toBeVisible();
  await expect(name).toHaveValue('Riverside Spine Clinic');
  await expect(settings.defaults.getByLabel('Self-pay discount (%)')).toHaveValue('25');

  // Started again with the same policy and an unchanged file: what staff saved is kept.
  const again = await launchApp({ dataDir: app.dataDir, policyFile });
  const second = new SettingsPage(again.page);
  await second.open();
  await expect(second.defaults.getByLabel('Self-pay discount (%)')).toHaveValue('25');
  await expect(second.clinicProfile.getByLabel('Clinic name', { exact: true })).toHaveValue('Riverside Spine Clinic');
});
