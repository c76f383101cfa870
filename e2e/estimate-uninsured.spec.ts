import { basename } from 'node:path';
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

test('an uninsured patient gets a Good Faith Estimate, blocked until the clinic NPI and TIN are filled, then issued', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'José', lastName: 'Núñez', dateOfBirth: '1948-11-02' });
  await page.chooseCoverage('Uninsured');
  // Always ahead: a scheduled date in the past is refused.
  const scheduled = `04/20/${new Date().getFullYear() + 1}`;
  await page.type('Scheduled date', scheduled);
  // In the doctor's office the clinic bills everything (at a hospital or surgery center, that
  // facility must be entered too: e2e/estimate-gfe-providers.spec.ts).
  await page.field('Place of service').selectOption({ label: 'Office' });

  // Plan fields do not apply and are hidden.
  await expect(page.field('Deductible')).toHaveCount(0);
  await expect(page.field('Insurance company')).toHaveCount(0);
  await expect(page.summary.getByText('Good Faith Estimate', { exact: true })).toBeVisible();
  await page.settled();
  // The packet gives one expected charge per line (the high end): the summary says which figure the patient gets.
  // Both are read together until they agree (the live estimate for the office may still be arriving).
  await expect(async () => {
    const high = (await page.summary.locator('.summary__row--key dd').innerText()).split('–').pop()?.trim() ?? '';
    await expect(page.summary.getByText(`The Good Faith Estimate gives the patient ${high}, the top of this range.`)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expectNoAxeViolations(app.page, 'New estimate, uninsured');

  // Blocked: the clinic's NPI and TIN are missing.
  await page.button('Save PDF').click();
  await expect(page.alert).toContainText('Settings → Clinic profile');
  const goToSettings = page.alert.getByRole('button', { name: 'Go to Settings → Clinic profile' });
  await expect(goToSettings).toBeFocused();
  expect(app.savedFiles()).toEqual([]);
  await expectNoAxeViolations(app.page, 'Good Faith Estimate blocked');
  await screenshots(app.page, 'estimate-gfe-blocked');

  await goToSettings.click();
  const settings = new SettingsPage(app.page);
  await expect(settings.clinicProfile.getByLabel('NPI', { exact: true })).toBeFocused();
  await settings.fillClinic({ name: 'Lakeside Spine Center', address: '12 Lake Rd, Springfield, IL 62701', npi: '1234567893', tin: '12-3456789' });
  await settings.saveClinic();

  // Back to the form: nothing typed was lost, and now the packet is issued.
  await page.open();
  await expect(page.field('Last name')).toHaveValue('Núñez');
  await expect(page.field('Scheduled date')).toHaveValue(scheduled);
  await page.button('Save PDF').click();
  await expect(page.status).toContainText('Saved to');
  const saved = app.savedFiles();
  // <Last>-<First>-vertebroplasty-<date>.pdf (accents folded for file systems).
  expect(saved.map((f) => basename(f))).toEqual([expect.stringMatching(/^Nunez-Jose-vertebroplasty-\d{4}-\d{2}-\d{2}\.pdf$/)]);
  await expect(page.status).toContainText(basename(saved[0] ?? ''));
  // Said in staff's words: kept in Past estimates, and the form still shows this patient until cleared.
  await expect(app.page.getByText(/^Packet issued and kept in Past estimates\. .*Clear form/)).toBeVisible();
  await expect(app.page.getByText(/draft was cleared/)).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'Good Faith Estimate issued');
  await screenshots(app.page, 'estimate-gfe-issued');

  // Issued: the draft is gone, so a reload starts a fresh form.
  await app.reload();
  await expect(page.field('Last name')).toHaveValue('');
  expect(app.outsideRequests).toEqual([]);
});
