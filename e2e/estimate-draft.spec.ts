import { test, expect } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

test('a draft survives a reload, and Clear form clears it after confirming', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' });
  await page.chooseCoverage('Medicare Advantage');
  await page.type('Deductible met so far', '150');
  await page.type('Coinsurance (%)', '1x');
  await page.field('Large print').check();
  await page.draftSaved();

  await app.reload();
  await expect(page.field('First name')).toHaveValue('Ana');
  await expect(page.field('Date of birth')).toHaveValue('03/14/1950');
  await expect(page.field('Coverage type')).toHaveValue('medicare-advantage');
  await expect(page.field('Deductible met so far')).toHaveValue('$150.00');
  await expect(page.field('Coinsurance (%)')).toHaveValue('1x');
  await expect(page.field('Large print')).toBeChecked();

  // Clear form asks first; Keep editing changes nothing.
  await page.button('Clear form').click();
  const dialog = app.page.getByRole('dialog', { name: 'Clear the form?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoAxeViolations(app.page, 'Clear form confirmation');
  await screenshots(app.page, 'estimate-confirm-new', { fullPage: false });
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.field('First name')).toHaveValue('Ana');

  await page.button('Clear form').click();
  await dialog.getByRole('button', { name: 'Clear the form' }).click();
  await expect(page.field('First name')).toHaveValue('');
  await expect(page.field('First name')).toBeFocused();
  await app.reload();
  await expect(page.field('First name')).toHaveValue('');
  await expect(page.field('Coverage type')).toHaveValue('commercial');
});
