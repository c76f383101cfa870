/**
 * Settings → Other providers on the Good Faith Estimate: the surgery center's details are
 * saved and kept; a bad NPI is refused at its field and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OtherProviders } from '../core/settings';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { writeConfigFile } from './pages/config-file';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const blank = { name: '', npi: '', tin: '', address: '' };
const asc = { name: 'Lakeside Surgery Center', npi: '1234567893', tin: '12-3456789', address: '2 Lake Road, Springfield, IL 62701' };

const onDisk = (dataDir: string): OtherProviders =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: { otherProviders: OtherProviders } }).settings.otherProviders;

test('the surgery center is saved and kept; a bad NPI is refused at its field and not saved', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  const center = settings.provider('Surgery center (ASC)');
  await center.getByLabel('Name').fill(asc.name);
  await center.getByLabel('NPI').fill(asc.npi);
  await center.getByLabel('TIN').fill(asc.tin);
  await center.getByLabel('Address').fill(asc.address);
  await settings.otherProviders.getByRole('button', { name: 'Save other providers' }).click();
  await expect(settings.otherProviders.getByRole('status')).toContainText('Saved');
  expect(onDisk(app.dataDir).asc).toEqual(asc);
  expect(onDisk(app.dataDir).anesthesia).toEqual(blank);

  await app.reload();
  await settings.open();
  await expect(center.getByLabel('Name')).toHaveValue(asc.name);
  await expect(center.getByLabel('NPI')).toHaveValue(asc.npi);
  await expect(center.getByLabel('TIN')).toHaveValue(asc.tin);
  await expect(center.getByLabel('Address')).toHaveValue(asc.address);
  await expect(settings.provider('Hospital outpatient department').getByLabel('NPI')).toHaveValue('');
  // Each NPI field's name starts with its label and says whose it is (a screen reader's list of fields tells them apart).
  await expect(center.getByLabel('NPI')).toHaveAccessibleName(/^NPI\W+Surgery center \(ASC\)$/);
  await expect(settings.clinicProfile.getByLabel('NPI', { exact: true })).toHaveValue('');

  // A wrong check digit: the message is at the field, focus goes there, the file keeps the good NPI.
  const npi = center.getByLabel('NPI');
  await npi.fill('1234567890');
  await settings.otherProviders.getByRole('button', { name: 'Save other providers' }).click();
  await expect(settings.otherProviders.getByRole('alert')).toContainText('nothing was saved');
  await expect(npi).toBeFocused();
  await expect(npi).toHaveAttribute('aria-invalid', 'true');
  await expect(npi).toHaveAccessibleDescription(/NPI is not valid: check each digit/);
  await expect(center.getByLabel('TIN')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(settings.otherProviders.getByRole('status')).not.toContainText('Saved');
  expect(onDisk(app.dataDir).asc.npi).toBe(asc.npi);
  await expectNoAxeViolations(app.page, 'Settings other providers with a bad NPI');
  await screenshots(app.page, 'settings-other-providers');

  await app.reload();
  await settings.open();
  await expect(npi).toHaveValue(asc.npi);
  expect(app.outsideRequests).toEqual([]);
});

test('an imported configuration replaces unsaved edits to the other providers', async ({ app }) => {
  const anesthesia = { name: 'Springfield Anesthesia Group', npi: '1234567893', tin: '98-7654321', address: '' };
  const file = writeConfigFile(join(app.dataDir, 'config.json'), {
    clinic: { name: 'Lakeside Spine Center', address: '', phone: '', npi: '', tin: '', logoDataUrl: '' },
    otherProviders: { hospitalOutpatient: blank, asc: blank, anesthesia },
    defaults: { language: 'en', largePrint: false, selfPayDiscountPercent: 0, medicareDeductibleCents: 28_300 },
    feeOverrides: {},
  });
  const settings = new SettingsPage(app.page);
  await settings.open();
  const group = settings.provider('Anesthesia provider');
  await group.getByLabel('Name').fill('Not saved yet');
  await group.getByLabel('NPI').fill('123');
  await group.getByLabel('NPI').blur();
  await expect(group.getByLabel('NPI')).toHaveAttribute('aria-invalid', 'true');

  const changes = await settings.chooseImportFile(file);
  await changes.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(settings.configuration.getByText(/Imported\./)).toBeVisible();
  await expect(group.getByLabel('Name')).toHaveValue(anesthesia.name);
  await expect(group.getByLabel('NPI')).toHaveValue(anesthesia.npi);
  await expect(group.getByLabel('NPI')).not.toHaveAttribute('aria-invalid', 'true');

  // Saving now keeps what was imported.
  await settings.otherProviders.getByRole('button', { name: 'Save other providers' }).click();
  await expect(settings.otherProviders.getByRole('status')).toContainText('Saved');
  expect(onDisk(app.dataDir).anesthesia).toEqual(anesthesia);
});
