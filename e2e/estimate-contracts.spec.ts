/**
 * Issue 10 on screen: a payer contract and a deposit policy saved in Settings, then a
 * commercial case that matches the contract, with no out-of-pocket maximum, money already
 * paid, a payment plan and a second plan; the packet's first page says what is due.
 */
import { execFileSync } from 'node:child_process';
import { test, expect, letterhead, screenshotDir } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

test("a payer contract sets the allowed amount, the desk sees what is due before the day, and a second plan pays its part", async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  const contracts = app.page.getByRole('region', { name: 'Payer contracts' });
  await contracts.getByRole('button', { name: 'Add a payer contract' }).click();
  await contracts.getByLabel('Payer name').fill('Blue Prairie PPO');
  await contracts.getByLabel('Other names').fill('BPH, Blue Prairie Health');
  await contracts.getByLabel('Doctor: percent of Medicare').fill('abc');
  await contracts.getByRole('button', { name: 'Save payer contracts' }).click();
  await expect(contracts.getByLabel('Doctor: percent of Medicare')).toHaveAttribute('aria-invalid', 'true');
  await contracts.getByLabel('Doctor: percent of Medicare').fill('135');
  await contracts.getByRole('button', { name: 'Save payer contracts' }).click();
  await expect(contracts.getByRole('status')).toContainText('Saved');
  await settings.defaults.getByLabel('Deposit before the procedure (%)').fill('50');
  await settings.defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(settings.defaults.getByRole('status')).toContainText('Saved');
  await expectNoAxeViolations(app.page, 'Settings with a payer contract');
  await contracts.screenshot({ path: `${screenshotDir}/settings-payer-contracts.png` });

  const page = new EstimatePage(app.page);
  await page.open();
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1960' });
  await page.chooseCoverage('Commercial insurance');
  await page.type('Insurance company', 'bph');
  await page.type('Deductible', '1000');
  await page.type('Coinsurance (%)', '20');
  await page.field('No out-of-pocket maximum').check();
  await expect(page.field('Out-of-pocket maximum')).toHaveCount(0);
  await page.field('Place of service').selectOption({ label: 'Office' });
  await page.field('Sedation').selectOption({ label: 'Local numbing only' });
  await page.type('Already paid', '100');
  await page.type('Payment plan (months)', '3');
  await page.settled();
  // 135% x $1,773.92 = $2,394.79: $1,000 + 20% x $1,394.79. Deposit 50% = $639.48, less $100 paid.
  await expect(page.summary.getByText('Based on the plan\'s contracted rates: payer contract "Blue Prairie PPO".')).toBeVisible();
  await expect(page.figure('Patient pays')).toHaveText('$1,278.96');
  await expect(page.figure('Due before your procedure')).toHaveText('$539.48');
  await expect(page.figure('Payment plan, 3 monthly payments of')).toHaveText('$213.16');
  await expectNoAxeViolations(app.page, 'New estimate with a payer contract and payments');
  await screenshots(app.page, 'estimate-contract-payments');

  await page.button('Save PDF').click();
  await expect(page.status).toContainText('Saved to');
  const [file] = app.savedFiles();
  const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file ?? '', '-'], { encoding: 'utf8' });
  expect(first).toMatch(/Due before your procedure\s+\$539\.48/);
  expect(first).toMatch(/Payment plan\s+3 monthly payments of \$213\.16/);
  const all = execFileSync('pdftotext', [file ?? '', '-'], { encoding: 'utf8' });
  expect(all).toContain("These amounts are based on your plan's contracted rates with the clinic.");

  await page.field('Secondary insurance').check();
  await page.type('Secondary deductible', '0');
  await page.type('Secondary coinsurance (%)', '50');
  await page.settled();
  // Alone, the second plan would leave the patient half of $2,394.79 ($1,197.40, rounded up) and pay $1,197.39:
  // it pays that much of the $1,278.96 left.
  await expect(page.figure('Second plan pays')).toHaveText('$1,197.39');
  await expect(page.figure('Patient pays')).toHaveText('$81.57');
  expect(app.outsideRequests).toEqual([]);
});
