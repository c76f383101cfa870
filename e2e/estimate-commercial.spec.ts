import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, letterhead, repoRoot } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

interface Range {
  low: number;
  high: number;
}
interface CliEstimate {
  charges: Range;
  patient: Range;
  insurance: Range;
  patientBreakdown: { low: Record<'copay' | 'deductible' | 'coinsurance', number>; high: Record<'copay' | 'deductible' | 'coinsurance', number> };
  goodFaithEstimate: boolean;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const shown = (r: Range): string => (r.low === r.high ? usd.format(r.low) : `${usd.format(r.low)} – ${usd.format(r.high)}`);

/** The headless estimate command's answer for the same case. */
function cliEstimate(caseJson: object): CliEstimate {
  const file = join(mkdtempSync(join(tmpdir(), 'clinic-case-')), 'case.json');
  writeFileSync(file, JSON.stringify(caseJson));
  const out = execFileSync('npx', ['tsx', 'electron/cli.ts', 'estimate', file], { cwd: repoRoot, encoding: 'utf8' });
  return JSON.parse(out) as CliEstimate;
}

test('a commercial case with part of the deductible met shows the same figures as the estimate command', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' });
  await page.chooseCoverage('Commercial insurance');
  await page.type('Insurance company', 'Acme Health');
  await page.type('Member ID', 'XJ123456789');
  await page.type('Deductible', '3000');
  await page.type('Deductible met so far', '$1,200.00');
  await page.type('Coinsurance (%)', '20');
  await page.type('Facility copay', '250');
  await page.type('Out-of-pocket maximum', '6,000.5');
  await page.type('Out-of-pocket met so far', '1500');
  await page.field('Levels to treat').selectOption('2');
  await page.field('Place of service').selectOption({ label: 'Surgery center (ASC)' });

  // Money is shown formatted once the field is left.
  await expect(page.field('Deductible')).toHaveValue('$3,000.00');
  await expect(page.field('Out-of-pocket maximum')).toHaveValue('$6,000.50');

  const expected = cliEstimate({
    patient: { firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '1950-03-14' },
    procedure: { id: 'vertebroplasty-lumbar', levels: 2, site: 'asc', sedation: 'moderate' },
    coverage: {
      kind: 'commercial',
      payerName: 'Acme Health',
      memberId: 'XJ123456789',
      network: 'in',
      deductible: 3000,
      deductibleMet: 1200,
      coinsurancePercent: 20,
      copays: { facility: 250 },
      outOfPocketMax: 6000.5,
      outOfPocketMet: 1500,
    },
  });
  expect(expected.goodFaithEstimate).toBe(false);

  await page.settled();
  await expect(page.figure('Total charges')).toHaveText(shown(expected.charges));
  await expect(page.figure('Patient pays')).toHaveText(shown(expected.patient));
  await expect(page.figure('Insurance pays')).toHaveText(shown(expected.insurance));
  const { low, high } = expected.patientBreakdown;
  await expect(page.figure('Copay')).toHaveText(shown({ low: low.copay, high: high.copay }));
  await expect(page.figure('Deductible')).toHaveText(shown({ low: low.deductible, high: high.deductible }));
  await expect(page.figure('Coinsurance')).toHaveText(shown({ low: low.coinsurance, high: high.coinsurance }));
  await expect(page.summary.getByText('Good Faith Estimate')).toHaveCount(0);

  await expectNoAxeViolations(app.page, 'New estimate, commercial case');
  await screenshots(app.page, 'estimate-commercial');

  // The packet preview is the real PDF, shown inside the app.
  await page.button('Preview packet').click();
  const preview = app.page.getByRole('region', { name: 'Packet preview' });
  await expect(preview).toBeVisible();
  await expect(preview.getByText('Ruiz-Ana-vertebroplasty-', { exact: false })).toBeVisible();
  const pdf = preview.locator('object[title="Packet preview"]');
  await expect(pdf).toHaveAttribute('type', 'application/pdf');
  // The viewer's own print and download buttons would skip the app's record and audit entry: hidden.
  await expect(pdf).toHaveAttribute('data', /^blob:.*#toolbar=0&navpanes=0$/);
  await expectNoAxeViolations(app.page, 'New estimate with the packet preview');
  await screenshots(app.page, 'estimate-preview');

  // Once the form changes, the old packet is no longer true: the preview goes away.
  await page.field('Facility copay').fill('300');
  await expect(preview).toBeHidden();
  expect(app.outsideRequests).toEqual([]);
});

test('out of network, the summary names the balance bill and warns in plain words', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.chooseCoverage('Commercial insurance');
  await page.field('In network').uncheck();
  await page.type('Allowed amount (if known)', '4000');
  await page.settled();
  await expect(page.figure('Balance bill (out of network)')).toBeVisible();
  await expect(page.summary.getByRole('listitem').filter({ hasText: /out of network/i }).first()).toBeVisible();
});
