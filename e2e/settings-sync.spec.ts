/**
 * Settings saved or imported reach every screen at once: the live estimate recalculates, the
 * Settings forms show the imported values (so a later Save cannot write old ones back), and
 * the fee range check never vouches for fees that are not saved yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { SettingsPage } from './pages/settings-page';
import { writeConfigFile } from './pages/config-file';
import { expectNoAxeViolations, screenshots } from './pages/checks';

/** The shipped procedure: fee overrides are kept under its id (settings version 2). */
const procedureId = 'vertebroplasty-lumbar';

const facilityRoom = 'Hospital outpatient facility fee: room';
const pending = 'Save the fee schedule to check these changes against the usual price range for this procedure.';
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
/** The high end of a range shown as "$6,110.00 – $9,220.00", in dollars. */
const highOf = (text: string): number => Number((text.split('–').at(-1) ?? '').replace(/[^0-9.]/g, ''));

test('a fee or a default saved in Settings changes the estimate summary without touching the form', async ({ app }) => {
  const estimate = new EstimatePage(app.page);
  const settings = new SettingsPage(app.page);
  await estimate.settled();
  const chargesBefore = (await estimate.figure('Total charges').textContent()) ?? '';

  await settings.open();
  // The default high for this line is $6,000.00: $3,000 more.
  await settings.feeInput('High', facilityRoom).fill('9000');
  // Unsaved edits: the range check says nothing about them, neither tick nor verdict.
  await expect(settings.fees.getByText(pending)).toBeVisible();
  await expect(settings.fees.getByText(/Every 1–3-level combination stays within/)).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'Settings with unsaved fees');
  await screenshots(app.page, 'settings-fees-pending');
  await settings.saveFees();
  await expect(settings.fees.getByText(pending)).toHaveCount(0);
  await expect(settings.fees.getByText(/Every 1–3-level combination stays within|leave the usual price range/)).toBeVisible();

  await estimate.open();
  await expect(estimate.figure('Total charges')).not.toHaveText(chargesBefore);
  await expect(estimate.figure('Total charges')).toContainText(`– ${usd.format(highOf(chargesBefore) + 3000)}`);

  // A self-pay discount saved in Settings is in the Good Faith Estimate at once.
  await estimate.chooseCoverage('Self-pay');
  await estimate.settled();
  const patientBefore = (await estimate.figure('Patient pays').textContent()) ?? '';
  await settings.open();
  await settings.defaults.getByLabel('Self-pay discount (%)').fill('15');
  await settings.defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(settings.defaults.getByRole('status')).toContainText('Saved');
  await estimate.open();
  await expect(estimate.summary.getByText("Includes the clinic's self-pay discount of 15%.")).toBeVisible();
  await expect(estimate.figure('Patient pays')).not.toHaveText(patientBefore);
});

test('an imported configuration shows in the Settings forms at once, and Save keeps it', async ({ app }) => {
  // Exported before the other providers existed: the file has no otherProviders group.
  const file = writeConfigFile(join(app.dataDir, 'lakeside-config.json'), {
    clinic: { name: 'Lakeside Spine Center', address: '1 Lake Road, Springfield, IL', phone: '555-0100', npi: '1234567893', tin: '12-3456789', logoDataUrl: '' },
    defaults: { language: 'en', largePrint: false, selfPayDiscountPercent: 15, medicareDeductibleCents: 28_300 },
    feeOverrides: { 'facility-hospital-outpatient': { lowCents: 410_000, highCents: 610_000 } },
  });
  const settings = new SettingsPage(app.page);
  await settings.open();
  const changes = await settings.chooseImportFile(file);
  await changes.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(settings.configuration.getByText(/Imported\./)).toBeVisible();

  // No reload: the forms show what was imported.
  await expect(settings.clinicProfile.getByLabel('Clinic name', { exact: true })).toHaveValue('Lakeside Spine Center');
  await expect(settings.clinicProfile.getByLabel('NPI', { exact: true })).toHaveValue('1234567893');
  await expect(settings.defaults.getByLabel('Self-pay discount (%)')).toHaveValue('15');
  await expect(settings.feeInput('High', facilityRoom)).toHaveValue('$6,100.00');

  // Saving any form now keeps the imported values.
  await settings.saveClinic();
  await settings.defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(settings.defaults.getByRole('status')).toContainText('Saved');
  await settings.saveFees();
  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as {
    settings: { clinic: { name: string; npi: string }; defaults: { selfPayDiscountPercent: number }; feeOverrides: Record<string, Record<string, { highCents: number }>> };
  };
  expect(onDisk.settings.clinic.npi).toBe('1234567893');
  expect(onDisk.settings.clinic.name).toBe('Lakeside Spine Center');
  expect(onDisk.settings.defaults.selfPayDiscountPercent).toBe(15);
  expect(onDisk.settings.feeOverrides[procedureId]?.['facility-hospital-outpatient']?.highCents).toBe(610_000);
});
