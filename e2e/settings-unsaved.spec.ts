/**
 * Settings' save model: each section has its own Save; a section with changes not saved says so
 * beside its Save button and in its heading; leaving Settings (another screen, or closing or
 * reloading the window) with such changes asks first, listing the sections.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Leave Settings without saving?' });
const nav = (page: Page, name: 'New estimate' | 'Past estimates' | 'Settings') => page.getByRole('navigation').getByRole('button', { name });

test('Settings says how saving works, and a section with unsaved changes says so at its Save button and heading', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await expect(app.page.getByText('Each section has its own Save button. Changes are not saved until you press it.')).toBeVisible();
  await expect(app.page.getByText('Unsaved changes')).toHaveCount(0);

  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  await expect(settings.clinicProfile.getByRole('heading', { name: 'Clinic profile Unsaved changes' })).toBeVisible();
  await expect(settings.clinicProfile.locator('.save-row').getByText('Unsaved changes')).toBeVisible();
  await expect(settings.defaults.getByText('Unsaved changes')).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'Settings with unsaved changes');
  await screenshots(app.page, 'settings-unsaved');

  // Typing it back as it was is not a change; saving clears the mark.
  await settings.fillClinic({ name: '' });
  await expect(settings.clinicProfile.getByText('Unsaved changes')).toHaveCount(0);
  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  await settings.saveClinic();
  await expect(settings.clinicProfile.getByText('Unsaved changes')).toHaveCount(0);
});

test('leaving Settings with unsaved changes asks, listing them: Stay, Leave without saving, Save all and leave', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  const high = settings.feeInput('High', 'Hospital outpatient facility fee: room');
  await high.fill('7000');

  await nav(app.page, 'New estimate').click();
  const dialog = leaveDialog(app.page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText(['Clinic profile', 'Fee schedule']);
  await expect(dialog.getByRole('button', { name: 'Stay' })).toBeFocused();
  await expectNoAxeViolations(app.page, 'Leave Settings dialog');
  await screenshots(app.page, 'settings-leave-dialog', { fullPage: false });

  // Stay: still on Settings, nothing lost (the amount tidied on leaving the box, as always).
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(high).toHaveValue('$7,000.00');

  // Leave without saving: Past estimates opens, and Settings shows the saved values again.
  await nav(app.page, 'Past estimates').click();
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Past estimates' })).toBeVisible();
  await settings.open();
  await expect(settings.clinicProfile.getByLabel('Clinic name', { exact: true })).toHaveValue('');
  await expect(high).not.toHaveValue('$7,000.00');

  // Save all and leave: both saved, New estimate opens (its notice now asks only for the phone).
  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  await high.fill('7000');
  await nav(app.page, 'New estimate').click();
  await dialog.getByRole('button', { name: 'Save all and leave' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'New estimate' })).toBeVisible();
  await expect(app.page.getByRole('region', { name: 'Clinic profile needed' })).toContainText("add the clinic's phone number");
  await settings.open();
  await expect(settings.clinicProfile.getByLabel('Clinic name', { exact: true })).toHaveValue('Lakeside Spine Center');
  await expect(high).toHaveValue('$7,000.00');
  await expect(app.page.getByText('Unsaved changes')).toHaveCount(0);
});

test('Save all keeps staff on Settings at the first invalid field; the valid sections are saved', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.fillClinic({ name: 'Lakeside Spine Center' });
  await settings.defaults.getByLabel('Self-pay discount (%)').fill('150');
  await nav(app.page, 'Past estimates').click();
  await leaveDialog(app.page).getByRole('button', { name: 'Save all and leave' }).click();

  await expect(leaveDialog(app.page)).toBeHidden();
  const discount = settings.defaults.getByLabel('Self-pay discount (%)');
  await expect(discount).toBeFocused();
  await expect(discount).toHaveAccessibleDescription(/from 0 to 100/);
  await expect(discount).toHaveValue('150');
  await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(settings.clinicProfile.getByRole('status')).toContainText('Saved');
  await expect(settings.defaults.getByRole('heading', { name: /Unsaved changes/ })).toBeVisible();
});

test('closing or reloading the window with unsaved changes asks first, listing them', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  const unload = () =>
    app.page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(await unload()).toBe(false);
  await settings.records.getByLabel('Keep issued estimates for (years)').fill('7');
  expect(await unload()).toBe(true);
  const dialog = leaveDialog(app.page);
  await expect(dialog.getByRole('listitem')).toHaveText(['Records and privacy']);
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(settings.records.getByLabel('Keep issued estimates for (years)')).toHaveValue('7');
});

test('an unsaved Shared records choice is asked about on leaving Settings too, and Save all saves it', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  const shared = app.page.getByRole('region', { name: 'Shared records' });
  await shared.getByLabel('Where issued estimates are kept').selectOption({ label: "The clinic's shared server" });
  await shared.getByLabel('Server address').fill('postgres://clinic_app@db.clinic.local:5432/clinic');
  await expect(shared.getByRole('heading', { name: 'Shared records Unsaved changes' })).toBeVisible();

  await nav(app.page, 'New estimate').click();
  const dialog = leaveDialog(app.page);
  await expect(dialog.getByRole('listitem')).toHaveText(['Shared records']);
  await dialog.getByRole('button', { name: 'Save all and leave' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'New estimate' })).toBeVisible();
  await settings.open();
  await expect(shared.getByLabel('Where issued estimates are kept')).toHaveValue('postgres');
  await expect(shared.getByLabel('Server address')).toHaveValue('postgres://clinic_app@db.clinic.local:5432/clinic');
  await expect(shared.getByText('Restart the app to use the shared records.')).toBeVisible();
});
