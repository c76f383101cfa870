/**
 * Usability-test findings on the New estimate screen: a past scheduled date, the allowed
 * amount in the summary, a restored draft that says whose it is, and the layout at 1024×768.
 */
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

const ana = { firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };

test('a scheduled date in the past is refused at the field while the live estimate goes on', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient(ana);
  await page.type('Scheduled date', '01/02/2020');
  await page.expectError('Scheduled date', /scheduled date is in the past/);
  await page.settled();
  await expect(page.summary).not.toContainText('paused');

  await page.button('Save PDF').click();
  await expect(page.alert).toContainText('Please check the highlighted field');
  await expect(page.field('Scheduled date')).toBeFocused();
  expect(app.savedFiles()).toEqual([]);

  await page.type('Scheduled date', `12/31/${new Date().getFullYear() + 1}`);
  await expect(page.field('Scheduled date')).not.toHaveAttribute('aria-invalid', 'true');
  await page.button('Save PDF').click();
  await expect(page.status).toContainText('Saved to');
  expect(app.savedFiles()).toHaveLength(1);
});

test('an allowed amount from staff is shown as what the plan allows, and only then', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.settled();
  await expect(page.figure('Plan allows')).toHaveCount(0);
  await page.type('Allowed amount (if known)', '4000');
  await expect(page.figure('Plan allows')).toHaveText('$4,000.00');
  await page.settled();
  await expectNoAxeViolations(app.page, 'New estimate with an allowed amount');
  await page.type('Allowed amount (if known)', '');
  await expect(page.figure('Plan allows')).toHaveCount(0);
});

test('a restored draft says whose it is, and can be cleared or kept', async ({ app }) => {
  const page = new EstimatePage(app.page);
  const notice = app.page.getByRole('status').filter({ hasText: 'Unfinished estimate restored' });
  await expect(notice).toHaveCount(0);
  await page.fillPatient(ana);
  await page.type('Member ID', 'XJ123456789');
  await page.draftSaved();
  // Typing in this session is not a restored draft.
  await expect(notice).toHaveCount(0);

  await app.reload();
  await expect(notice).toHaveText(/^Unfinished estimate restored for Ruiz, Ana\. Keep working on it, or clear the form for another patient\./);
  await expectNoAxeViolations(app.page, 'New estimate with a restored draft');
  await screenshots(app.page, 'estimate-restored-draft');

  // Clear form asks first (the same confirmation as the Clear form button under the form).
  await notice.getByRole('button', { name: 'Clear form' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Clear the form?' });
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Clear form' }).click();
  await dialog.getByRole('button', { name: 'Clear the form' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.field('First name')).toHaveValue('');
  await expect(page.field('Member ID')).toHaveValue('');

  // Keep working on it: the notice goes, the form stays.
  await page.fillPatient(ana);
  await page.draftSaved();
  await app.reload();
  await notice.getByRole('button', { name: 'Keep working on it' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.field('First name')).toBeFocused();
  await expect(page.field('Last name')).toHaveValue('Ruiz');
});

test('at 1024×768 the levels choices fit their box and the Estimate heading stays in view', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 768 });
  const page = new EstimatePage(app.page);
  await page.field('Levels to treat').selectOption('5');
  const levels = await page.field('Levels to treat').evaluate((el) => {
    const select = el as HTMLSelectElement;
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return { text: 0, box: 0 };
    context.font = getComputedStyle(select).font;
    const text = Math.max(...[...select.options].map((o) => context.measureText(o.text).width));
    // Room for the text: the box less its padding, borders and the drop-down arrow (~20px).
    const style = getComputedStyle(select);
    const chrome = [style.paddingLeft, style.paddingRight, style.borderLeftWidth, style.borderRightWidth].reduce((sum, v) => sum + parseFloat(v), 20);
    return { text, box: select.getBoundingClientRect().width - chrome };
  });
  expect(levels.text).toBeGreaterThan(0);
  expect(levels.text).toBeLessThanOrEqual(levels.box);

  // Long content (warnings, every itemized line): the summary scrolls, its heading does not.
  await page.settled();
  await page.summary.getByText(/Itemized charges/).click();
  await app.page.evaluate(() => window.scrollTo(0, 300));
  const scrolled = await page.summary.evaluate((summary) => {
    let moved = false;
    for (const el of [summary, ...summary.querySelectorAll('*')]) {
      if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY)) {
        el.scrollTop = el.scrollHeight;
        moved = true;
      }
    }
    return moved;
  });
  expect(scrolled).toBe(true);
  await expect(page.summary.getByRole('heading', { name: 'Estimate', exact: true })).toBeInViewport({ ratio: 1 });
});
