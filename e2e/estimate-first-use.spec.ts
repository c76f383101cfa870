/**
 * First use of the New estimate screen by front-desk staff (issue 13): a coinsurance typed as
 * a fraction, buttons that say what they do, the meaning of Self-pay and Uninsured, and where
 * focus goes once a packet is saved.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

const ana = { firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };

test('a coinsurance typed as a fraction asks "Did you mean 20%?" at the field, and never changes it unasked', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient(ana);
  await page.type('Coinsurance (%)', '0.2');
  const coinsurance = page.field('Coinsurance (%)');
  await expect(coinsurance).toHaveAccessibleDescription(/Did you mean 20%\?/);
  await expect(coinsurance).toHaveValue('0.2');
  // A question, not an error: the estimate goes on with what was typed (0.2%, not 20%).
  await expect(coinsurance).not.toHaveAttribute('aria-invalid', 'true');
  await page.settled();
  await expect(page.summary.getByText('Coinsurance 20%')).toHaveCount(0);
  await expectNoAxeViolations(app.page, 'New estimate asking whether 0.2 means 20%');
  await screenshots(app.page, 'estimate-coinsurance-fraction');

  await app.page.getByRole('button', { name: 'Use 20%', exact: true }).click();
  await expect(coinsurance).toHaveValue('20');
  await expect(coinsurance).not.toHaveAccessibleDescription(/Did you mean/);
  await expect(app.page.getByRole('button', { name: 'Use 20%' })).toHaveCount(0);

  // A second plan's coinsurance asks too; Keep keeps what was typed and the question goes.
  await page.field('Secondary insurance').check();
  await page.type('Secondary coinsurance (%)', '0.5');
  const secondary = page.field('Secondary coinsurance (%)');
  await expect(secondary).toHaveAccessibleDescription(/Did you mean 50%\?/);
  await app.page.getByRole('button', { name: 'Keep 0.5%', exact: true }).click();
  await expect(secondary).toHaveValue('0.5');
  await expect(secondary).not.toHaveAccessibleDescription(/Did you mean/);
  await expect(secondary).toBeFocused();
});

test('the form\'s clear button is not a second "New estimate": Clear form asks first, in the same words', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await expect(page.actions.getByRole('button', { name: 'New estimate' })).toHaveCount(0);
  await expect(app.page.getByRole('navigation').getByRole('button', { name: 'New estimate' })).toBeVisible();
  await page.fillPatient(ana);
  await page.button('Clear form').click();
  const dialog = app.page.getByRole('dialog', { name: 'Clear the form?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Clear the form' })).toBeVisible();
  await expectNoAxeViolations(app.page, 'Clear form confirmation');
  await screenshots(app.page, 'estimate-clear-form-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Clear the form' }).click();
  await expect(page.field('First name')).toHaveValue('');
  await expectNoAxeViolations(app.page, 'New estimate with the Clear form button');
  await screenshots(app.page, 'estimate-clear-form-button');
});

test('a restored draft offers keep working first, as the main and focused button', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient(ana);
  await page.draftSaved();
  await app.reload();
  const notice = app.page.getByRole('status').filter({ hasText: 'Unfinished estimate restored' });
  const buttons = notice.getByRole('button');
  await expect(buttons).toHaveText(['Keep working on it', 'Clear form']);
  await expect(buttons.first()).toHaveClass(/button--primary/);
  await expect(buttons.last()).not.toHaveClass(/button--primary/);
  await expect(buttons.first()).toBeFocused();
  await expectNoAxeViolations(app.page, 'New estimate with a restored draft, keep working first');
  await screenshots(app.page, 'estimate-restored-draft-keep-first');
  await app.page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);
  await expect(page.field('First name')).toBeFocused();
  await expect(page.field('First name')).toHaveValue('Ana');
});

test('Self-pay and Uninsured each say what they mean, and the summary speaks of the usual price range', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient(ana);
  await page.settled();
  await expect(page.summary).toContainText(/Usual price range for this procedure: \$5,000\.00 – \$15,000\.00\./);
  await expect(page.summary).not.toContainText(/published range/i);

  await page.chooseCoverage('Self-pay');
  const coverage = app.page.getByRole('group', { name: 'Coverage' });
  await expect(coverage).toContainText('Self-pay: the patient has insurance but chooses not to use it for this procedure.');
  await expectNoAxeViolations(app.page, 'New estimate, self-pay explained');
  await screenshots(app.page, 'estimate-self-pay-explained');

  await page.chooseCoverage('Uninsured');
  await expect(coverage).toContainText('Uninsured: the patient has no health insurance.');
  await expect(coverage).not.toContainText('chooses not to use it');
  await expectNoAxeViolations(app.page, 'New estimate, uninsured explained');
  await screenshots(app.page, 'estimate-uninsured-explained');
});

test('after Save PDF or Print, focus goes to the message saying what happened; after a failure, to the failure', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient(ana);
  await page.button('Save PDF').click();
  await expect(page.status).toContainText('Saved to');
  await expect(page.status).toBeFocused();

  await page.button('Print').click();
  await expect(page.status).toContainText('sent to the printer');
  await expect(page.status).toBeFocused();

  // A file where the save folder should be: the save fails, and focus goes to what went wrong.
  rmSync(join(app.dataDir, 'saved'), { recursive: true, force: true });
  writeFileSync(join(app.dataDir, 'saved'), 'a file where the folder should be');
  await page.button('Save PDF').click();
  const failure = page.alert.locator('p');
  await expect(failure).not.toBeEmpty();
  await expect(failure).toBeFocused();
  await expectNoAxeViolations(app.page, 'New estimate, save failed');
});
