import type { Page } from '@playwright/test';
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// The clinic profile has the name and phone every letterhead needs: only the fields stop a packet here.
test.use({ appOptions: { clinic: letterhead } });

test('bad inputs say what is wanted beside the field and keep what was typed', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.field('First name').fill('Ana');
  await page.field('Last name').fill('Ruiz');

  // Mid-typing, no error yet; leaving the field shows it.
  await page.field('Coinsurance (%)').fill('120');
  await expect(page.field('Coinsurance (%)')).not.toHaveAttribute('aria-invalid', 'true');
  await page.field('Coinsurance (%)').blur();
  await page.expectError('Coinsurance (%)', /percentage from 0 to 100/);

  await page.type('Date of birth', '01/01/2090');
  await page.expectError('Date of birth', /future/);
  await page.type('Deductible', 'twelve hundred');
  await page.expectError('Deductible', /amount in dollars/);

  // Enter in a text field does not submit anything.
  await page.field('Last name').press('Enter');
  await expect(page.status).toHaveText('');
  expect(app.savedFiles()).toEqual([]);

  // Submitting: focus goes to the first problem; nothing is saved and nothing typed is lost.
  await page.button('Save PDF').click();
  await expect(page.alert).toContainText('Please check the highlighted fields');
  await expect(page.field('Date of birth')).toBeFocused();
  expect(app.savedFiles()).toEqual([]);
  await expect(page.field('Coinsurance (%)')).toHaveValue('120');
  await expect(page.field('Date of birth')).toHaveValue('01/01/2090');
  await expect(page.field('Deductible')).toHaveValue('twelve hundred');
  await expect(page.summary).toContainText('paused');
  await expectNoAxeViolations(app.page, 'New estimate with errors');
  await screenshots(app.page, 'estimate-errors');

  // Switching coverage back and forth loses nothing either.
  await page.chooseCoverage('Uninsured');
  await page.chooseCoverage('Commercial insurance');
  await expect(page.field('Coinsurance (%)')).toHaveValue('120');

  // Fixing a field clears its message once the field is left.
  await page.type('Coinsurance (%)', '30');
  await expect(page.field('Coinsurance (%)')).not.toHaveAttribute('aria-invalid', 'true');
});

test('an empty form asks for the patient on submit, first field first', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.button('Preview packet').click();
  await expect(page.field('First name')).toBeFocused();
  await page.expectError('First name', /first name/);
  await page.expectError('Last name', /last name/);
  await page.expectError('Date of birth', /MM\/DD\/YYYY/);
});

test('a message appearing as a field is left does not move the button being clicked', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: 'soon' });
  // Straight from the bad field to the button: the one click must count.
  await page.button('Save PDF').click();
  await expect(page.alert).toContainText('Please check the highlighted field');
  await expect(page.field('Date of birth')).toBeFocused();
  await page.expectError('Date of birth', /MM\/DD\/YYYY/);
});

test("a problem only the estimate engine knows is shown at its field too", async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '01/01/1890' });
  await expect(page.summary).toContainText('Date of birth: The date of birth is more than 120 years ago');
  await page.button('Save PDF').click();
  await expect(page.field('Date of birth')).toBeFocused();
  await page.expectError('Date of birth', /more than 120 years ago/);
  await expect(page.field('Date of birth')).toHaveValue('01/01/1890');
  expect(app.savedFiles()).toEqual([]);
});

/**
 * Holds the live estimate's questions to the engine until released, so a test can act (leave a
 * field) before the engine answers for the value just typed, as a quick typist does.
 */
async function holdEngineAnswers(page: Page): Promise<{ hold: () => void; release: () => void }> {
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  await page.route('**/__clinic/invoke/estimate%3Acompute', async (route) => {
    await gate;
    await route.continue();
  });
  return {
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

test("a field's message describes what is in it now: shown right after a bad edit, gone right after the fix", async ({ app }) => {
  const page = new EstimatePage(app.page);
  const engine = await holdEngineAnswers(app.page);
  await page.fillPatient({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' });
  await page.settled();

  // A deductible over the largest amount the engine takes: refused as soon as the field is left, gone once fixed.
  await page.type('Deductible', '20,000,000');
  await page.expectError('Deductible', /at most \$10,000,000/);
  await page.type('Deductible', '500');
  await expect(page.field('Deductible')).not.toHaveAttribute('aria-invalid', 'true');
  await page.settled();
  await expect(page.field('Deductible')).not.toHaveAttribute('aria-invalid', 'true');

  // More met than the deductible itself: the engine says so in the summary, and stops saying so once fixed.
  const overMet = page.summary.getByText(/The deductible already met \(\$900\.00\) is more than the deductible/);
  await page.type('Deductible met so far', '900');
  await expect(overMet).toBeVisible();
  await page.type('Deductible met so far', '100');
  await expect(overMet).toHaveCount(0);

  // A date of birth in the future, which the engine refuses too: the message comes with the bad
  // date and goes with it, before the engine has answered for the new date and after.
  engine.hold();
  await page.type('Date of birth', '01/01/2090');
  await page.expectError('Date of birth', /in the future/);
  engine.release();
  await expect(page.summary).toContainText('Date of birth: The date of birth is in the future');
  await page.expectError('Date of birth', /in the future/);
  engine.hold();
  await page.type('Date of birth', '01/01/1950');
  await expect(page.field('Date of birth')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.field('Date of birth')).not.toHaveAccessibleDescription(/future/);
  engine.release();
  await page.settled();
  await expect(page.field('Date of birth')).not.toHaveAttribute('aria-invalid', 'true');

  // Bad again, then fixed again: each edit's message is its own.
  engine.hold();
  await page.type('Date of birth', '01/01/1890');
  await page.expectError('Date of birth', /more than 120 years ago/);
  engine.release();
  await expect(page.summary).toContainText('more than 120 years ago');
  engine.hold();
  await page.type('Date of birth', '02/02/1952');
  await expect(page.field('Date of birth')).not.toHaveAttribute('aria-invalid', 'true');
  engine.release();
  await page.settled();
  await expect(page.field('Date of birth')).not.toHaveAttribute('aria-invalid', 'true');
});
