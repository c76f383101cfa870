/**
 * Past estimates (issue 12): a packet issued for a patient is found by part of the name, the
 * date of birth or the reference; Save PDF again gives exactly the bytes first issued, also
 * after a fee change; Revise opens the form filled from the record and the new record names the
 * one it replaces; nothing of the patient is in plaintext anywhere in the data folder. Then a
 * Good Faith Estimate's real bills: a bill typed wrong is named at its provider, one $400 or
 * more above the estimate is flagged, and Delete asks first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page, Route } from '@playwright/test';
import type { RecordsStatus } from '../core/ipc/contract';
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { RecordsPage } from './pages/records-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

const patient = { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '02/28/1949' };
const birthIso = '1949-02-28';
const memberId = 'QZX9917734KD';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under `dir`, at any depth. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The one saved file, read and removed, so the next save must write it again. */
function takeSavedFile(files: string[]): { path: string; sha: string } {
  expect(files).toHaveLength(1);
  const path = files[0] ?? '';
  const sha = sha256(path);
  unlinkSync(path);
  return { path, sha };
}

test('a packet on record: found by name, date of birth and reference, saved again byte for byte after a fee change, revised, and no patient data in plaintext', async ({ app }) => {
  // The whole acceptance in one flow (three packets made, two saved again, a settings change): longer than most specs.
  test.setTimeout(120_000);
  const estimate = new EstimatePage(app.page);
  await estimate.fillPatient(patient);
  await estimate.type('Insurance company', 'Acme Health');
  await estimate.type('Member ID', memberId);
  await estimate.field('Place of service').selectOption({ label: 'Office' });
  await estimate.field('Sedation').selectOption({ label: 'Local numbing only' });
  // Who prepared it: after the packet options, just before the packet buttons.
  await estimate.field('Large print').focus();
  await app.page.keyboard.press('Tab');
  await expect(estimate.field('Prepared by')).toBeFocused();
  await app.page.keyboard.type('JD');
  await app.page.keyboard.press('Tab');
  await expect(estimate.button('Preview packet')).toBeFocused();
  await estimate.settled();
  await estimate.button('Save PDF').click();
  await expect(estimate.status).toContainText('Saved to');
  const first = takeSavedFile(app.savedFiles());

  // Found by part of the name, in any case.
  const records = new RecordsPage(app.page);
  await records.open();
  await records.find('quillfe');
  await expect(records.records()).toHaveCount(1);
  const row = records.records().first();
  await expect(await records.cell(row, 'Patient')).toHaveText('Zephyrine Quillfeather');
  await expect(await records.cell(row, 'Date of birth')).toHaveText('02/28/1949');
  await expect(await records.cell(row, 'Kind')).toHaveText('Estimate');
  await expect(await records.cell(row, 'Prepared by')).toHaveText('JD');
  await expect(await records.cell(row, 'Patient may owe')).toHaveText(/^\$[\d,]+\.\d\d – \$[\d,]+\.\d\d$/);
  const today = new Date();
  const issued = `${String(today.getMonth() + 1).padStart(2, '0')}/${String(today.getDate()).padStart(2, '0')}/${today.getFullYear()}`;
  await expect(await records.cell(row, 'Issued')).toContainText(issued);
  const [reference] = await records.references();
  expect(reference).toMatch(/^VP-/);
  await expectNoAxeViolations(app.page, 'Past estimates, one found');
  await screenshots(app.page, 'records-found');

  // At 200% zoom (640x400 CSS pixels) the table is wider than the window: it scrolls sideways in
  // a focusable frame, and says so; every column is reached by scrolling it.
  await app.page.setViewportSize({ width: 640, height: 400 });
  const frame = app.page.getByRole('region', { name: 'Past estimates found' });
  await expect(frame).toHaveAccessibleDescription(/scroll it sideways/);
  await expect(app.page.getByText('The table is wider than the window')).toBeVisible();
  const sideways = await frame.evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth, style: getComputedStyle(el).overflowX }));
  expect(sideways).toEqual({ scrolls: true, style: 'scroll' });
  // Scrolled to its end, the last column (Reference) lies inside the frame, across.
  const lastColumn = await frame.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    const header = [...el.querySelectorAll('th')].find((th) => th.textContent === 'Reference');
    const box = header?.getBoundingClientRect();
    const frameBox = el.getBoundingClientRect();
    return box === undefined ? null : { inside: box.left >= frameBox.left && box.right <= frameBox.right + 1 };
  });
  expect(lastColumn).toEqual({ inside: true });
  await expectNoAxeViolations(app.page, 'Past estimates at 200% zoom');
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await expect(app.page.getByText('The table is wider than the window')).toBeHidden();

  // By the date of birth as staff type it either way, by the reference; nothing for another name.
  for (const query of ['02/28/1949', birthIso, reference ?? '']) {
    await records.find(query);
    await expect(records.records(), `found by ${query}`).toHaveCount(1);
  }
  await records.find('Nobody Likethis');
  await expect(records.records()).toHaveCount(0);
  await expect(records.summary).toHaveText(/^No estimate matches that/);

  // Save PDF again: the bytes first issued.
  await records.find('Zephyrine');
  await records.button(records.record(reference ?? ''), 'Save PDF again').click();
  await expect(records.status(records.record(reference ?? ''))).toContainText('Saved to');
  expect(existsSync(first.path)).toBe(true);
  expect(takeSavedFile(app.savedFiles()).sha).toBe(first.sha);

  // A fee changed in Settings since: the record still gives the first bytes.
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.feeInput('High', 'Vertebroplasty, first lumbar level, in the office').fill('8100');
  await settings.saveFees();
  await records.open();
  await records.find('Quillfeather');
  await records.button(records.record(reference ?? ''), 'Save PDF again').click();
  await expect(records.status(records.record(reference ?? ''))).toContainText('Saved to');
  expect(takeSavedFile(app.savedFiles()).sha).toBe(first.sha);

  // Revise: the form opens filled from the record, and says what it revises.
  await records.button(records.record(reference ?? ''), 'Revise').click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'New estimate' })).toBeVisible();
  await expect(app.page.getByText(`Revising estimate ${reference ?? ''} from ${issued}.`)).toBeVisible();
  await expect(estimate.field('First name')).toBeFocused();
  await expect(estimate.field('Last name')).toHaveValue('Quillfeather');
  await expect(estimate.field('Date of birth')).toHaveValue('02/28/1949');
  await expect(estimate.field('Member ID')).toHaveValue(memberId);
  await expect(estimate.field('Place of service')).toHaveValue('office');
  await expect(estimate.field('Prepared by')).toHaveValue('JD');
  await expectNoAxeViolations(app.page, 'New estimate, revising');
  await screenshots(app.page, 'records-revising', { fullPage: false });
  await estimate.settled();
  await estimate.button('Save PDF').click();
  await expect(estimate.status).toContainText('Saved to');
  // Issued after the fee change: a new packet, not the first one's bytes.
  expect(takeSavedFile(app.savedFiles()).sha).not.toBe(first.sha);

  await records.open();
  await records.find('Quillfeather');
  await expect(records.records()).toHaveCount(2);
  const [newest, oldest] = await records.references();
  expect(oldest).toBe(reference);
  expect(newest).not.toBe(reference);
  await expect(records.record(newest ?? '')).toContainText(`Replaces ${reference ?? ''}`);
  await expect(records.record(reference ?? '')).toContainText(`Replaced by ${newest ?? ''}`);

  // Clear form clears the form, and with it the revision: a fresh packet replaces nothing.
  await estimate.open();
  await estimate.button('Clear form').click();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Clear the form' }).click();
  await expect(app.page.getByText(/^Revising estimate/)).toHaveCount(0);
  await expect(estimate.field('Prepared by')).toHaveValue('JD');
  // Remembered on this computer, not in the draft: a reload of a blank form still has it.
  await app.reload();
  await expect(estimate.field('First name')).toHaveValue('');
  await expect(estimate.field('Prepared by')).toHaveValue('JD');

  // Nothing of the patient in plaintext anywhere in the data folder, but in the PDFs saved on purpose.
  const savedDirs = [join(app.dataDir, 'saved'), join(app.dataDir, 'printed')];
  const scanned = filesUnder(app.dataDir).filter((file) => !(file.endsWith('.pdf') && savedDirs.some((dir) => file.startsWith(`${dir}/`))));
  expect(scanned.length).toBeGreaterThan(1);
  const secrets = [patient.firstName, patient.lastName, birthIso, patient.dateOfBirth, '02-28-1949', memberId].flatMap((s) => [s, s.toLowerCase(), s.toUpperCase()]);
  const found = scanned.flatMap((file) => {
    const bytes = readFileSync(file);
    return secrets
      .filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')))
      .map((s) => `${relative(app.dataDir, file)}: ${s}`);
  });
  expect(found).toEqual([]);
  expect(app.outsideRequests).toEqual([]);
});

test('a Good Faith Estimate checked against the real bills: a bill typed wrong is named at its provider, one $400 over is flagged, one under is not', async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.fillClinic({ name: 'Lakeside Spine Center', address: '12 Lake Rd, Springfield, IL 62701', npi: '1234567893', tin: '12-3456789' });
  await settings.saveClinic();

  // Before anything is issued: the list says so in plain words.
  const records = new RecordsPage(app.page);
  await records.open();
  await expect(records.summary).toHaveText(/^No estimates yet/);
  await expectNoAxeViolations(app.page, 'Past estimates, empty');
  await screenshots(app.page, 'records-empty');

  const estimate = new EstimatePage(app.page);
  await estimate.open();
  await estimate.fillPatient({ firstName: 'Oswin', lastName: 'Thackeray', dateOfBirth: '07/04/1951' });
  await estimate.chooseCoverage('Uninsured');
  await estimate.field('Place of service').selectOption({ label: 'Office' });
  await estimate.settled();
  await estimate.button('Save PDF').click();
  await expect(estimate.status).toContainText('Saved to');

  await records.open();
  await records.find('thack');
  const record = records.records().first();
  await expect(await records.cell(record, 'Kind')).toHaveText('Good Faith Estimate');
  await expect(await records.cell(record, 'Patient may owe')).toHaveText(/^\$[\d,]+\.\d\d total$/);

  const toggle = records.button(record, 'What each provider billed');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const bills = record.getByRole('table', { name: 'What each provider billed' });
  const billBox = bills.getByRole('textbox', { name: 'Billed Lakeside Spine Center' });
  await expect(billBox).toBeFocused();
  const estimateText = (await bills.getByRole('row', { name: /Lakeside Spine Center/ }).getByRole('cell').first().textContent()) ?? '';
  const estimatedCents = Math.round(Number(estimateText.replace(/[$,]/g, '')) * 100);
  expect(estimatedCents).toBeGreaterThan(0);

  // Typed wrong: said at the box, naming the provider; nothing saved.
  await billBox.fill('twelve hundred');
  await record.getByRole('button', { name: 'Save what was billed' }).click();
  await expect(billBox).toHaveAttribute('aria-invalid', 'true');
  await expect(billBox).toHaveAccessibleDescription(/Enter what Lakeside Spine Center billed in dollars/);
  await expect(record.locator('.record-bills').getByRole('alert')).toContainText('nothing was saved');
  await expectNoAxeViolations(app.page, 'Past estimates, a bill typed wrong');

  // $400.00 above the Good Faith Estimate: the patient may dispute it.
  const over = estimatedCents + 40_000;
  const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  await billBox.fill(String(over / 100));
  await record.getByRole('button', { name: 'Save what was billed' }).click();
  await expect(records.status(record)).toHaveText('Saved what each provider billed.');
  await expect(toggle).toBeFocused();
  await expect(bills.getByRole('row', { name: /Lakeside Spine Center/ })).toContainText(dollars(over));
  await expect(bills.getByRole('row', { name: /Lakeside Spine Center/ })).toContainText('$400.00 more than the estimate');
  await expect(record).toContainText('The patient may dispute this bill: it is $400.00 above the Good Faith Estimate for Lakeside Spine Center.');
  await expectNoAxeViolations(app.page, 'Past estimates, a bill over the estimate');
  await screenshots(app.page, 'records-bill-over');

  // Kept: searched again, the bill and the flag are still there.
  await records.find('Oswin');
  await expect(records.records().first()).toContainText('The patient may dispute this bill');

  // $399.99 above: no flag.
  await records.button(records.records().first(), 'What each provider billed').click();
  await records.records().first().getByRole('textbox', { name: 'Billed Lakeside Spine Center' }).fill(String((over - 1) / 100));
  await records.records().first().getByRole('button', { name: 'Save what was billed' }).click();
  await expect(records.status(records.records().first())).toHaveText('Saved what each provider billed.');
  await expect(records.records().first()).toContainText('$399.99 more than the estimate');
  await expect(records.records().first()).not.toContainText('may dispute');
  expect(app.outsideRequests).toEqual([]);
});

test('Reprint prints the first bytes; Revise asks first when the form holds another patient, and loses nothing if told no; Delete asks first, then the record is gone', async ({ app }) => {
  const estimate = new EstimatePage(app.page);
  await estimate.fillPatient({ firstName: 'Oswin', lastName: 'Thackeray', dateOfBirth: '07/04/1951' });
  await estimate.chooseCoverage('Medicaid');
  await estimate.settled();
  await estimate.button('Save PDF').click();
  await expect(estimate.status).toContainText('Saved to');
  const issued = takeSavedFile(app.savedFiles());
  const records = new RecordsPage(app.page);

  // Reprint: the printer gets the bytes first issued.
  await records.open();
  await records.find('Thackeray');
  await records.button(records.records().first(), 'Reprint').click();
  await expect(records.status(records.records().first())).toHaveText(/^VP-\S+ was sent to the printer, exactly as first issued\.$/);
  expect(app.printedFiles().map(sha256)).toEqual([issued.sha]);

  // Revise while the form holds another patient's details: asked first, and nothing lost by saying no.
  await estimate.open();
  await estimate.button('Clear form').click();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Clear the form' }).click();
  await estimate.field('First name').fill('Half-typed');
  await records.open();
  await records.find('Oswin');
  await records.button(records.records().first(), 'Revise').click();
  const replace = app.page.getByRole('dialog', { name: 'Replace the New estimate form?' });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Keep the form' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Past estimates' })).toBeVisible();
  await estimate.open();
  await expect(estimate.field('First name')).toHaveValue('Half-typed');
  await records.open();
  await records.find('Oswin');
  await records.button(records.records().first(), 'Revise').click();
  await replace.getByRole('button', { name: 'Open it for revising' }).click();
  await expect(estimate.field('First name')).toHaveValue('Oswin');
  await expect(estimate.field('Coverage type')).toHaveValue('medicaid');
  await records.open();
  await records.find('Oswin');

  // Delete asks first; kept when staff say so, gone when they confirm.
  await records.button(records.records().first(), 'Delete').click();
  const dialog = app.page.getByRole('dialog', { name: 'Delete this estimate?' });
  await expect(dialog).toContainText('Oswin Thackeray');
  await expectNoAxeViolations(app.page, 'Past estimates, delete confirmation');
  await screenshots(app.page, 'records-delete-confirm', { fullPage: false });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(records.records()).toHaveCount(1);
  await records.button(records.records().first(), 'Delete').click();
  await dialog.getByRole('button', { name: 'Delete estimate' }).click();
  await expect(app.page.locator('.records__message')).toHaveText(/^VP-\S+ was deleted\.$/);
  await expect(records.records()).toHaveCount(0);
  await expect(records.search).toBeFocused();
  await records.find('');
  await expect(records.summary).toHaveText(/^No estimates yet/);
  expect(app.outsideRequests).toEqual([]);
});

test('Past estimates says what start-up found: records not kept and why; records purged, unreadable, a broken audit trail', async ({ app }) => {
  // The main side's answer to records:status, as it would report each case.
  const status = (value: RecordsStatus) => (route: Route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
  const statusUrl = `**/__clinic/invoke/${encodeURIComponent('records:status')}`;
  const records = new RecordsPage(app.page);

  await app.page.route(statusUrl, status({ available: false, reason: 'This computer has no secure key store, so records are not kept (Settings → Records and privacy).', purged: 0, unreadable: [], auditProblem: null, shared: null }));
  await records.open();
  await expect(app.page.getByText('Past estimates are not kept on this computer. This computer has no secure key store, so records are not kept (Settings → Records and privacy).')).toBeVisible();
  await expect(records.search).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'Past estimates, not kept');
  await screenshots(app.page, 'records-unavailable');

  await app.page.unroute(statusUrl);
  await app.page.route(statusUrl, status({ available: true, reason: null, purged: 2, unreadable: ['VP-20250101-AAAAA'], auditProblem: 'Entry 7 does not follow entry 6.', shared: null }));
  await estimateThenRecords(app.page, records);
  await expect(app.page.getByText('2 estimates were older than 6 years and removed when the app started')).toBeVisible();
  await expect(app.page.getByText(/^1 record could not be read \(damaged, or changed outside the app\): VP-20250101-AAAAA\. The other records are fine\./)).toBeVisible();
  await expect(app.page.getByText('The audit trail did not pass its check when the app started: Entry 7 does not follow entry 6. Tell IT.')).toBeVisible();
  // The other records are still there to search.
  await expect(records.search).toBeVisible();
  await expect(records.summary).toHaveText(/^No estimates yet/);
  await expectNoAxeViolations(app.page, 'Past estimates, start-up notices');
  await screenshots(app.page, 'records-notices');
});

/** Leave Past estimates and come back: it asks for the status again. */
async function estimateThenRecords(page: Page, records: RecordsPage): Promise<void> {
  await new EstimatePage(page).open();
  await records.open();
}
