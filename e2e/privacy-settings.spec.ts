/**
 * Settings → Records and privacy: the defaults (6 years, 5 minutes, 8 hours, no records without
 * an OS key store), core's messages at the field, the warning for keeping records without a key
 * store, saved and kept; the privacy screen follows a changed idle time at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const labels = {
  retention: 'Keep issued estimates for (years)',
  idle: 'Hide patient details after (minutes without use)',
  draftAge: 'Keep an unfinished estimate for (hours)',
  withoutKeyStore: 'Keep records on a computer without an OS key store',
} as const;

/** Settings open at Records and privacy: the form, its fields by label, its Save button. */
async function openRecordsSettings(page: Page) {
  await new SettingsPage(page).open();
  const form = page.getByRole('region', { name: 'Records and privacy' });
  return {
    form,
    field: (label: string) => form.getByLabel(label, { exact: true }),
    save: form.getByRole('button', { name: 'Save records and privacy' }),
  };
}

test("Records and privacy: the defaults, and core's messages at the field", async ({ app }) => {
  const { form, field, save } = await openRecordsSettings(app.page);

  await expect(field(labels.retention)).toHaveValue('6');
  await expect(field(labels.retention)).toHaveAccessibleDescription(/HIPAA practice keeps such records 6 years/);
  await expect(field(labels.idle)).toHaveValue('5');
  await expect(field(labels.idle)).toHaveAccessibleDescription(/it is not a login/);
  await expect(field(labels.draftAge)).toHaveValue('8');
  await expect(field(labels.withoutKeyStore)).not.toBeChecked();
  await expect(field(labels.withoutKeyStore)).toHaveAccessibleDescription(/Only for a computer whose operating system has no key store/);
  await expect(form.getByText('Records are then protected less.')).toHaveCount(0);

  // core's rules, said at the field on leaving it.
  const expectError = async (label: string, typed: string, message: string) => {
    await field(label).fill(typed);
    await field(label).blur();
    await expect(field(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(field(label)).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, '\\$&')));
  };
  await expectError(labels.retention, '0', 'Keep records at least 1 year.');
  await expectError(labels.retention, '2.5', 'Use whole years.');
  await expectError(labels.retention, '31', 'Use at most 30 years.');
  await expectError(labels.idle, 'soon', 'Enter a number of minutes, like 5.');
  await expectError(labels.idle, '121', 'Use 1 to 120 minutes.');
  await expectError(labels.draftAge, '169', 'Use 1 to 168 hours.');
  await save.click();
  await expect(form.getByRole('alert')).toContainText('Please check the highlighted fields; nothing was saved.');
  await expect(field(labels.retention)).toBeFocused();
  await expectNoAxeViolations(app.page, 'Settings, Records and privacy with errors');
  await form.scrollIntoViewIfNeeded();
  await screenshots(app.page, 'settings-records-errors', { fullPage: false });
});

test('Records and privacy: the key store warning; saved and kept', async ({ app }) => {
  const { form, field, save } = await openRecordsSettings(app.page);
  // Keeping records without a key store is said plainly to protect them less.
  await field(labels.withoutKeyStore).check();
  await expect(form.getByText('Records are then protected less.')).toBeVisible();
  await expect(form.getByText(/anyone who can copy this computer's files may be able to read/)).toBeVisible();
  await expectNoAxeViolations(app.page, 'Settings, Records and privacy, key store warning');
  await form.scrollIntoViewIfNeeded();
  await screenshots(app.page, 'settings-records-warning', { fullPage: false });

  await field(labels.retention).fill('7');
  await field(labels.idle).fill('2');
  await field(labels.draftAge).fill(' 4 ');
  await save.click();
  await expect(form.getByRole('status')).toContainText('Saved');
  await expect(field(labels.retention)).not.toHaveAttribute('aria-invalid');
  await expect(field(labels.draftAge)).toHaveValue('4');

  const stored = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { settings: { records: unknown } };
  expect(stored.settings.records).toEqual({ retentionYears: 7, keepWithoutKeyStore: true, idleMinutes: 2, draftMaxAgeHours: 4 });

  await app.reload();
  await new SettingsPage(app.page).open();
  await expect(field(labels.retention)).toHaveValue('7');
  await expect(field(labels.idle)).toHaveValue('2');
  await expect(field(labels.draftAge)).toHaveValue('4');
  await expect(field(labels.withoutKeyStore)).toBeChecked();
  await field(labels.withoutKeyStore).uncheck();
  await save.click();
  await expect(form.getByRole('status')).toContainText('Saved');
  await expect(form.getByText('Records are then protected less.')).toHaveCount(0);
});

test('a new idle time applies at once: the privacy screen shows after 2 minutes without use', async ({ app }) => {
  await app.page.clock.install();
  await app.reload();
  const { form, field, save } = await openRecordsSettings(app.page);
  await field(labels.idle).fill('2');
  await save.click();
  await expect(form.getByRole('status')).toContainText('Saved');

  const screen = app.page.getByRole('dialog', { name: 'Patient details are hidden' });
  await app.page.clock.fastForward('01:50');
  await expect(screen).toHaveCount(0);
  await app.page.clock.fastForward('00:15');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('Hidden after 2 minutes without use.');
  // Settings is covered like every screen.
  await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toHaveCount(0);
  await app.page.keyboard.press('Enter');
  await expect(screen).toHaveCount(0);
  await expect(field(labels.idle)).toHaveValue('2');
});
