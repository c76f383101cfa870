import { test, expect } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

test('"1,50" in a money field is refused, saying where commas go, and kept as typed', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' });

  await page.type('Deductible', '1,50');
  await page.expectError('Deductible', /Use a period for cents \(1\.50\) and commas only between thousands \(1,500\)\./);
  await expect(page.field('Deductible')).toHaveValue('1,50');
  await expect(page.summary).toContainText('paused');
  await expectNoAxeViolations(app.page, 'New estimate with a comma for cents');
  await screenshots(app.page, 'estimate-money-comma');

  // Commas between thousands are read, and tidied once the field is left.
  await page.type('Deductible', '1,500');
  await expect(page.field('Deductible')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.field('Deductible')).toHaveValue('$1,500.00');
});
