/** The clinic logo is checked by the main side when it is saved: a picture it cannot read is refused on the Logo field. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

test('a logo file that is not a readable picture is refused on the Logo field, keeping what was typed', async ({ app }) => {
  test.setTimeout(120_000); // axe and three screenshot sizes of the long Settings page, on a busy machine
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  // "AAAA" in base64: three zero bytes in a file named like a PNG.
  const broken = join(app.dataDir, 'broken-logo.png');
  writeFileSync(broken, Buffer.from('AAAA', 'base64'));
  const logoInput = settings.clinicProfile.getByLabel('Logo (optional)');
  await logoInput.setInputFiles(broken);
  await settings.clinicProfile.getByRole('button', { name: 'Save clinic profile' }).click();

  await expect(logoInput).toHaveAccessibleDescription(/The logo could not be read as a PNG or JPEG picture\. Choose another file\./);
  await expect(logoInput).toHaveAttribute('aria-invalid', 'true');
  await expect(logoInput).toBeFocused();
  await expect(settings.clinicProfile.getByRole('alert')).toContainText('nothing was saved');
  await expect(settings.clinicProfile.getByLabel('Clinic name')).toHaveValue('Lakeside Spine Center');
  await expect(settings.clinicProfile.getByRole('img', { name: 'Clinic logo as it will print' })).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'Settings with a logo that cannot be read');
  // The window as staff see it: the focused Logo field with its message, and the save row under it.
  await screenshots(app.page, 'settings-logo-refused', { fullPage: false });

  // Removing the logo clears the refusal, and the rest of the profile saves.
  await settings.clinicProfile.getByRole('button', { name: 'Remove logo' }).click();
  await expect(logoInput).not.toHaveAttribute('aria-invalid', 'true');
  await settings.saveClinic();
  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { settings: { clinic: { name: string; logoDataUrl: string } } };
  expect(onDisk.settings.clinic).toMatchObject({ name: 'Lakeside Spine Center', logoDataUrl: '' });
});
