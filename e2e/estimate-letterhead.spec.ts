/**
 * A fresh install has no clinic name or phone: New estimate says so at the top, with the way to
 * Settings → Clinic profile, and no packet (insured or not) is previewed, printed or saved until
 * both are there; then the packet's letterhead shows them.
 */
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const bothMissing = "Before you can print packets, add the clinic's name and phone number in Settings → Clinic profile.";

test("a fresh install says the clinic's name and phone are needed, and refuses every packet until they are saved", async ({ app }) => {
  const page = new EstimatePage(app.page);
  const notice = app.page.getByRole('region', { name: 'Clinic profile needed' });
  await expect(notice).toContainText(bothMissing);
  await expectNoAxeViolations(app.page, 'New estimate, clinic profile missing');
  await screenshots(app.page, 'estimate-letterhead-missing');

  // A commercial case (no Good Faith Estimate) is refused too, by each of the three buttons.
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/04/1950' });
  await page.chooseCoverage('Commercial insurance');
  await page.settled();
  for (const action of ['Preview packet', 'Print', 'Save PDF'] as const) {
    await page.button(action).click();
    await expect(page.alert).toContainText(bothMissing);
    await expect(page.alert.getByRole('button', { name: 'Go to Settings → Clinic profile' })).toBeFocused();
  }
  expect(app.savedFiles()).toEqual([]);
  expect(app.printedFiles()).toEqual([]);
  await expect(app.page.getByRole('region', { name: 'Packet preview' })).toHaveCount(0);

  // The notice opens Settings at the first missing field; with the name saved it asks for the phone.
  await notice.getByRole('button', { name: 'Go to Settings → Clinic profile' }).click();
  const settings = new SettingsPage(app.page);
  await expect(settings.clinicProfile.getByLabel('Clinic name', { exact: true })).toBeFocused();
  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  await settings.saveClinic();
  await page.open();
  await expect(notice).toContainText("Before you can print packets, add the clinic's phone number in Settings → Clinic profile.");
  await notice.getByRole('button', { name: 'Go to Settings → Clinic profile' }).click();
  await expect(settings.clinicProfile.getByLabel('Phone', { exact: true })).toBeFocused();
  await settings.fillClinic({ phone: '(217) 555-0100' });
  await settings.saveClinic();

  // Back on the form: nothing typed was lost, the notice is gone, and the packet carries the letterhead.
  await page.open();
  await expect(page.field('Last name')).toHaveValue('Ruiz');
  await expect(notice).toHaveCount(0);
  await page.button('Save PDF').click();
  await expect(page.status).toContainText('Saved to');
  const [saved] = app.savedFiles();
  const text = execFileSync('pdftotext', [saved ?? '', '-'], { encoding: 'utf8' });
  expect(text).toContain('Lakeside Spine Center');
  expect(text).toContain('(217) 555-0100');
});
