/**
 * Medicare on the New estimate screen (issue 9): the exact `Supplemental coverage` options,
 * Medicare's own rates per provider, Medigap and QMB, Medicare Advantage copays per provider,
 * and the clinic's locality amounts entered in Settings -> Medicare rates.
 */
import { test, expect } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

const supplementOptions = [
  'None',
  'Medigap Plan A',
  'Medigap Plan B',
  'Medigap Plan C',
  'Medigap Plan D',
  'Medigap Plan F',
  'Medigap Plan F (high deductible)',
  'Medigap Plan G',
  'Medigap Plan G (high deductible)',
  'Medigap Plan K',
  'Medigap Plan L',
  'Medigap Plan M',
  'Medigap Plan N',
  'Medicaid (QMB)',
  'Medicaid (not QMB)',
  'Other (employer or retiree plan)',
];

test("Original Medicare in the office uses Medicare's rate, and a supplement or QMB lowers what the patient pays", async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Dora', lastName: 'Klein', dateOfBirth: '09/09/1941' });
  await page.chooseCoverage('Original Medicare');
  await page.field('Place of service').selectOption({ label: 'Office' });
  await page.field('Sedation').selectOption({ label: 'Local numbing only' });
  for (const gone of ['Deductible', 'Coinsurance (%)', 'Copay', 'Out-of-pocket maximum', 'In network', 'Allowed amount (if known)']) {
    await expect(page.field(gone)).toHaveCount(0);
  }
  await expect(page.field('Supplemental coverage').locator('option')).toHaveText(supplementOptions);
  await page.settled();
  // $283 + 20% x ($1,773.92 - $283)
  await expect(page.figure('Patient pays')).toHaveText('$581.18');
  await expect(page.figure('Medicare approved amount')).toHaveText('$1,773.92');
  await expect(page.summary.getByText("Medicare's 2026 national amounts.")).toBeVisible();
  const providers = page.summary.getByRole('table', { name: "Each provider's part" });
  await expect(providers.getByRole('row', { name: /Doctor/ })).toContainText('approved $1,773.92');
  await expect(providers.getByRole('row', { name: /Doctor/ })).toContainText('$581.18');

  await page.field('Supplemental coverage').selectOption({ label: 'Medigap Plan G' });
  await page.settled();
  await expect(page.figure('Patient pays')).toHaveText('$283.00');
  await expect(page.figure('Supplemental plan pays')).toHaveText('$298.18');
  await expectNoAxeViolations(app.page, 'Original Medicare with Medigap G');
  await screenshots(app.page, 'estimate-medicare-medigap-g');

  await page.field('Supplemental coverage').selectOption({ label: 'Medigap Plan K' });
  await expect(page.field('Medigap out-of-pocket met so far')).toBeVisible();
  await page.field('Supplemental coverage').selectOption({ label: 'Medicaid (QMB)' });
  await expect(page.field('Medigap out-of-pocket met so far')).toHaveCount(0);
  await page.settled();
  await expect(page.figure('Patient pays')).toHaveText('$0.00');
  await expect(page.summary.getByText(/Qualified Medicare Beneficiary \(QMB\): by law the patient owes no Medicare deductible/)).toBeVisible();

  await page.field('Supplemental coverage').selectOption({ label: 'Other (employer or retiree plan)' });
  await page.type('Other plan pays (%)', '150');
  await page.expectError('Other plan pays (%)', /0 to 100/);
});

test('Medicare Advantage takes a copay per provider, on Medicare amounts, with no balance bill out of network', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Eli', lastName: 'Stone', dateOfBirth: '12/01/1944' });
  await page.chooseCoverage('Medicare Advantage');
  await expect(page.field('Copay')).toHaveCount(0);
  await page.field('Place of service').selectOption({ label: 'Office' });
  await page.field('Sedation').selectOption({ label: 'Local numbing only' });
  await page.type('Doctor copay', '45');
  await page.type('Facility copay', '300');
  await expect(page.field('Anesthesia copay')).toBeVisible();
  await page.field('In network').uncheck();
  await page.settled();
  await expect(page.figure('Patient pays')).toHaveText('$45.00');
  await expect(page.figure('Balance bill (out of network)')).toHaveCount(0);
  await expect(page.summary.getByText(/must accept what Original Medicare would pay/)).toBeVisible();
  await expect(page.summary.getByText(/Typical values, not this plan's, were used for: Deductible \$0\.00, Coinsurance 20%, Out-of-pocket maximum \$9,250\.00/)).toBeVisible();
  await expectNoAxeViolations(app.page, 'Medicare Advantage out of network');
  await screenshots(app.page, 'estimate-medicare-advantage');
});

test("the clinic's Medicare amounts in Settings replace the national ones, and unconfirmed figures are marked", async ({ app }) => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await expect(settings.medicareRates.getByText('Not in the app yet:')).toBeVisible();
  await expect(settings.medicareRates.getByRole('row', { name: /Anesthesia 01942: base units/ })).toContainText('Not confirmed');
  await settings.medicareInput('Hospital outpatient payment, 22511 (APC 5114)').fill('7,000');
  await settings.medicareInput('Hospital outpatient payment, 22511: minimum patient copayment').fill('1400');
  await settings.medicareInput('Part B deductible (yearly)').fill('lots');
  await settings.medicareRates.getByRole('button', { name: 'Save Medicare rates' }).click();
  await expect(settings.medicareInput('Part B deductible (yearly)')).toHaveAttribute('aria-invalid', 'true');
  await settings.medicareInput('Part B deductible (yearly)').fill('');
  await settings.medicareRates.getByRole('button', { name: 'Save Medicare rates' }).click();
  await expect(settings.medicareRates.getByRole('status')).toContainText('Saved');
  await expectNoAxeViolations(app.page, 'Settings with Medicare rates');
  await screenshots(app.page, 'settings-medicare-rates', { fullPage: true });

  const page = new EstimatePage(app.page);
  await page.open();
  await page.fillPatient({ firstName: 'Dora', lastName: 'Klein', dateOfBirth: '09/09/1941' });
  await page.chooseCoverage('Original Medicare');
  await page.field('Place of service').selectOption({ label: 'Hospital outpatient' });
  await page.field('Sedation').selectOption({ label: 'Local numbing only' });
  await page.settled();
  // Doctor $361.40: $283 + $15.68; hospital $7,000: $1,400.
  await expect(page.figure('Patient pays')).toHaveText('$1,698.68');
  await expect(page.summary.getByText(/with the clinic's own for: Hospital outpatient payment, 22511 \(APC 5114\)/)).toBeVisible();

  await app.reload();
  await settings.open();
  await expect(settings.medicareInput('Hospital outpatient payment, 22511 (APC 5114)')).toHaveValue('$7,000.00');
  expect(app.outsideRequests).toEqual([]);
});
