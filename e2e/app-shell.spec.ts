import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// A packet is printed here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

test('an unreadable settings file is moved aside and the notice says so plainly, until dismissed', async ({ launchApp }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-e2e-corrupt-'));
  writeFileSync(join(dataDir, 'settings.json'), '{ this is not json');
  const app = await launchApp({ dataDir });
  const notice = app.page.getByRole('status').filter({ hasText: /settings/i }).first();
  await expect(notice).toBeVisible();
  expect(readdirSync(dataDir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  await expectNoAxeViolations(app.page, 'Settings notice');
  await screenshots(app.page, 'shell-notice');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
});

test('the whole form works from the keyboard, in the order it reads', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.field('First name').focus();
  const order: string[] = [];
  for (let i = 0; i < 22; i += 1) {
    order.push(await app.page.evaluate(() => document.activeElement?.id ?? ''));
    await app.page.keyboard.press('Tab');
  }
  expect(order).toEqual([
    'est-firstName',
    'est-lastName',
    'est-dateOfBirth',
    'est-coverageKind',
    'est-payerName',
    'est-memberId',
    'est-inNetwork',
    'est-facilityInNetwork',
    'est-deductible',
    'est-deductibleMet',
    'est-coinsurancePercent',
    'est-facilityCopay',
    'est-doctorCopay',
    'est-anesthesiaCopay',
    'est-noOutOfPocketMax',
    'est-outOfPocketMax',
    'est-outOfPocketMet',
    'est-planYearStart',
    'est-allowedAmount',
    'est-hasSecondary',
    'est-levels',
    'est-site',
  ]);

  // Fill a Medicaid case and print it without touching the mouse.
  await page.field('First name').focus();
  await app.page.keyboard.type('Lee');
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.type('Kim');
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.type('2/3/1960');
  await app.page.keyboard.press('Tab');
  await page.field('Coverage type').selectOption({ label: 'Medicaid' });
  await expect(page.field('Deductible')).toHaveCount(0);
  await page.button('Print').focus();
  await app.page.keyboard.press('Enter');
  await expect(page.status).toHaveText('The packet was sent to the printer.');
  expect(app.printedFiles()).toHaveLength(1);
  await expect(page.field('Date of birth')).toHaveValue('02/03/1960');
});
