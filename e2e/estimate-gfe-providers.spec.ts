/**
 * Settings → Doctors, and the New estimate form's Diagnosis and Doctor; a Good Faith Estimate at
 * a surgery center is refused until the surgery center is entered in Settings → Other providers,
 * saying so before staff try and again when they do; the summary says when it is due.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { CaseInput } from '../core/case/case-schema';
import { goodFaithTiming } from '../core/estimate/good-faith-timing';
import type { Doctor } from '../core/settings';
import { todayIso } from '../renderer/src/lib/text-parsers';
import { test, expect } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const clinic = { name: 'Lakeside Spine Center', address: '12 Lake Rd, Springfield, IL 62701', phone: '(217) 555-0100', npi: '1234567893', tin: '12-3456789' };
const asc = { name: 'Lakeside Surgery Center', npi: '1245319599', tin: '98-7654321', address: '2 Lake Road, Springfield, IL 62701' };

/** The doctors in settings.json; none while nothing was ever saved (no file yet). */
function doctorsOnDisk(dataDir: string): Doctor[] {
  const file = join(dataDir, 'settings.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { settings: { doctors: Doctor[] } }).settings.doctors : [];
}

const doctorsRegion = (page: Page): Locator => page.getByRole('region', { name: 'Doctors' });
const doctorRow = (page: Page, n: number): Locator => doctorsRegion(page).getByRole('group', { name: `Doctor ${n}` });

async function addDoctor(page: Page, name: string, npi = ''): Promise<void> {
  await doctorsRegion(page).getByRole('button', { name: 'Add a doctor' }).click();
  const row = doctorsRegion(page).getByRole('group').last();
  await expect(row.getByLabel('Name')).toBeFocused();
  await row.getByLabel('Name').fill(name);
  await row.getByLabel('NPI').fill(npi);
}

async function saveDoctors(page: Page): Promise<void> {
  await doctorsRegion(page).getByRole('button', { name: 'Save doctors' }).click();
  await expect(doctorsRegion(page).getByRole('status')).toContainText('Saved');
}

test('Settings → Doctors: a name is required, a bad NPI is refused at its field, the list is saved, kept and can shrink', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  const region = doctorsRegion(app.page);
  await expect(region.getByText('No doctors listed yet.')).toBeVisible();

  await addDoctor(app.page, 'Dr. Ana Ruiz', '1234567890');
  await addDoctor(app.page, '', '');
  await region.getByRole('button', { name: 'Save doctors' }).click();
  await expect(region.getByRole('alert')).toContainText('nothing was saved');
  const badNpi = doctorRow(app.page, 1).getByLabel('NPI');
  await expect(badNpi).toBeFocused();
  await expect(badNpi).toHaveAttribute('aria-invalid', 'true');
  await expect(badNpi).toHaveAccessibleDescription(/NPI is not valid: check each digit/);
  await expect(badNpi).toHaveAccessibleName(/^NPI\W+Doctor 1$/);
  await expect(doctorRow(app.page, 2).getByLabel('Name')).toHaveAccessibleDescription(/Enter the doctor's name/);
  // Nothing typed is lost, and nothing was written.
  await expect(doctorRow(app.page, 1).getByLabel('Name')).toHaveValue('Dr. Ana Ruiz');
  expect(doctorsOnDisk(app.dataDir)).toEqual([]);
  await expectNoAxeViolations(app.page, 'Settings doctors with errors');

  // The same doctor twice is refused at the second.
  await badNpi.fill('1234567893');
  await doctorRow(app.page, 2).getByLabel('Name').fill('dr. ana ruiz');
  await region.getByRole('button', { name: 'Save doctors' }).click();
  await expect(doctorRow(app.page, 2).getByLabel('Name')).toHaveAccessibleDescription(/listed twice/);
  await expect(doctorRow(app.page, 2).getByLabel('Name')).toBeFocused();

  await doctorRow(app.page, 2).getByLabel('Name').fill('Dr. Lee Kim');
  await saveDoctors(app.page);
  expect(doctorsOnDisk(app.dataDir)).toEqual([
    { name: 'Dr. Ana Ruiz', npi: '1234567893' },
    { name: 'Dr. Lee Kim', npi: '' },
  ]);
  await expectNoAxeViolations(app.page, 'Settings doctors saved');
  await region.scrollIntoViewIfNeeded();
  await screenshots(app.page, 'settings-doctors');

  await app.reload();
  await settings.open();
  await expect(doctorRow(app.page, 2).getByLabel('Name')).toHaveValue('Dr. Lee Kim');
  await region.getByRole('button', { name: 'Remove Dr. Ana Ruiz' }).click();
  await expect(region.getByRole('button', { name: 'Add a doctor' })).toBeFocused();
  await expect(doctorRow(app.page, 1).getByLabel('Name')).toHaveValue('Dr. Lee Kim');
  await saveDoctors(app.page);
  expect(doctorsOnDisk(app.dataDir)).toEqual([{ name: 'Dr. Lee Kim', npi: '' }]);
  expect(app.outsideRequests).toEqual([]);
});

/** MM/DD/YYYY and ISO for `days` calendar days from today. */
function daysAhead(days: number): { typed: string; iso: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const iso = todayIso(d);
  return { typed: `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`, iso };
}

test('an uninsured surgery center case is refused until the surgery center is entered; the diagnosis and the doctor go with the preview', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.fillClinic(clinic);
  await settings.saveClinic();
  await addDoctor(app.page, 'Dr. Ana Ruiz', '1234567893');
  await saveDoctors(app.page);

  const page = new EstimatePage(app.page);
  await page.open();
  await page.fillPatient({ firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '03/04/1970' });
  await page.chooseCoverage('Uninsured');
  await page.field('Place of service').selectOption({ label: 'Surgery center (ASC)' });
  // Diagnosis and Doctor sit with the procedure fields, in reading order.
  await page.field('Sedation').focus();
  const order: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    await app.page.keyboard.press('Tab');
    order.push(await app.page.evaluate(() => document.activeElement?.id ?? ''));
  }
  expect(order).toEqual(['est-scheduledDate', 'est-doctor', 'est-diagnosis', 'est-alreadyPaid']);
  await expect(page.field('Diagnosis')).toHaveValue('');
  await expect(page.field('Diagnosis').locator('option').first()).toHaveText('Not known yet');
  await expect(page.field('Doctor').locator('option').first()).toHaveText('Not chosen yet');
  await page.field('Diagnosis').selectOption({ label: 'S32.020A — Traumatic (injury) wedge compression fracture, L2' });
  await page.field('Doctor').selectOption({ label: 'Dr. Ana Ruiz' });

  // Not scheduled: due within 3 business days of the request.
  await page.settled();
  const due = page.summary.getByRole('group', { name: 'When it is due' });
  await expect(due).toContainText(goodFaithTiming(todayIso())?.text ?? 'missing');
  await expect(due).toContainText('does not know holidays');
  // A scheduled date with a problem gives no deadline until it is fixed.
  await page.type('Scheduled date', '01/02/2020');
  await expect(page.summary).toContainText('Fix the scheduled date to see when this Good Faith Estimate is due.');
  await expect(due).toHaveCount(0);
  // Scheduled 4 weeks ahead (10 or more business days): within 3 business days of scheduling.
  const scheduled = daysAhead(28);
  await page.type('Scheduled date', scheduled.typed);
  const timing = goodFaithTiming(todayIso(), scheduled.iso);
  expect(timing?.rule).toBe('scheduled-10-or-more');
  await expect(due).toContainText(timing?.text ?? 'missing');
  await expect(due).toContainText(/give the patient a new one by \w+day, .+ at the latest \(1 business day before the procedure\)/);

  // Said before staff try: the surgery center must be entered.
  const before = page.summary.locator('.summary__warnings').filter({ hasText: 'Before it can be issued' });
  await expect(before).toContainText('Settings → Other providers → Surgery center (ASC)');
  await expectNoAxeViolations(app.page, 'New estimate, uninsured at a surgery center, with diagnosis and doctor');
  await screenshots(app.page, 'estimate-gfe-asc-fields');

  // Refused, naming the place to fill it in; no packet is asked for.
  const previews: string[] = [];
  app.page.on('request', (r) => {
    if (r.url().includes('/__clinic/invoke/packet')) previews.push(r.url());
  });
  await page.button('Preview packet').click();
  await expect(page.alert).toContainText('Settings → Other providers → Surgery center (ASC)');
  await expect(page.alert).toContainText('name, NPI, tax ID (TIN) and address are missing');
  const goToSettings = page.alert.getByRole('button', { name: 'Go to Settings → Other providers' });
  await expect(goToSettings).toBeFocused();
  expect(previews).toEqual([]);
  await expect(app.page.getByRole('region', { name: 'Packet preview' })).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'Good Faith Estimate blocked for the surgery center');
  await screenshots(app.page, 'estimate-gfe-asc-blocked');

  // Settings opens at the surgery center's first missing field.
  await goToSettings.click();
  const center = settings.provider('Surgery center (ASC)');
  await expect(center.getByLabel('Name')).toBeFocused();
  for (const [label, value] of [['Name', asc.name], ['NPI', asc.npi], ['TIN', asc.tin], ['Address', asc.address]] as const) await center.getByLabel(label).fill(value);
  await settings.otherProviders.getByRole('button', { name: 'Save other providers' }).click();
  await expect(settings.otherProviders.getByRole('status')).toContainText('Saved');

  // Back on the form: nothing typed was lost, the warning is gone, and the preview is made.
  await page.open();
  await expect(page.field('Diagnosis')).toHaveValue('S32.020A');
  await expect(page.field('Doctor')).toHaveValue('Dr. Ana Ruiz');
  await expect(page.summary.getByText('Before it can be issued')).toHaveCount(0);
  const request = app.page.waitForRequest((r) => r.url().includes('/__clinic/invoke/packet'));
  const response = app.page.waitForResponse((r) => r.url().includes('/__clinic/invoke/packet'));
  await page.button('Preview packet').click();
  const sent = (JSON.parse((await request).postData() ?? '{}') as { request: CaseInput }).request;
  expect(sent).toMatchObject({ diagnosis: 'S32.020A', doctor: 'Dr. Ana Ruiz', procedure: { site: 'asc', scheduledDate: scheduled.iso }, coverage: { kind: 'uninsured' } });
  const preview = app.page.getByRole('region', { name: 'Packet preview' });
  await expect(preview).toBeVisible();
  await expect(page.alert).not.toContainText('Settings');

  // The packet names the surgery center under its own name.
  const answer = (await (await response).json()) as { ok: boolean; value: { pdfBase64: string } };
  expect(answer.ok).toBe(true);
  const pdf = join(app.dataDir, 'preview.pdf');
  writeFileSync(pdf, Buffer.from(answer.value.pdfBase64, 'base64'));
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(asc.name);
  expect(app.outsideRequests).toEqual([]);
});

test('with no doctors listed the form says where to add them; a doctor removed from Settings stays in the draft, marked', async ({ app }) => {
  const page = new EstimatePage(app.page);
  const doctor = page.field('Doctor');
  await expect(doctor).toHaveAccessibleDescription('No doctors listed yet: add them under Settings → Doctors');
  await expect(doctor.locator('option')).toHaveText(['Not chosen yet']);
  await expectNoAxeViolations(app.page, 'New estimate with no doctors listed');
  await screenshots(app.page, 'estimate-no-doctors');
  await app.page.getByRole('button', { name: 'Go to Settings → Doctors' }).click();
  await expect(doctorsRegion(app.page).getByRole('button', { name: 'Add a doctor' })).toBeFocused();
  await addDoctor(app.page, 'Dr. Lee Kim');
  await saveDoctors(app.page);

  await page.open();
  await expect(app.page.getByRole('button', { name: 'Go to Settings → Doctors' })).toHaveCount(0);
  await page.field('First name').fill('Lee');
  await doctor.selectOption({ label: 'Dr. Lee Kim' });
  await page.draftSaved();

  const settings = new SettingsPage(app.page);
  await settings.open();
  await doctorsRegion(app.page).getByRole('button', { name: 'Remove Dr. Lee Kim' }).click();
  await saveDoctors(app.page);
  expect(doctorsOnDisk(app.dataDir)).toEqual([]);

  // Not silently gone: still chosen, marked, and said.
  await page.open();
  await expect(doctor).toHaveValue('Dr. Lee Kim');
  await expect(doctor.locator('option:checked')).toHaveText('Dr. Lee Kim (not in Settings)');
  await app.reload();
  await expect(doctor).toHaveValue('Dr. Lee Kim');
  await expect(doctor.locator('option:checked')).toHaveText('Dr. Lee Kim (not in Settings)');
  await expect(doctor).toHaveAccessibleDescription('No doctors listed yet: add them under Settings → Doctors');
  await expectNoAxeViolations(app.page, 'New estimate with a doctor no longer in Settings');
  // Choosing "Not chosen yet" lets it go.
  await doctor.selectOption({ label: 'Not chosen yet' });
  await expect(doctor.locator('option')).toHaveText(['Not chosen yet']);
});
