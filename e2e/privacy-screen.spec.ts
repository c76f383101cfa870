/**
 * Privacy on a shared PC (issue 12, item 8): after the idle time, and when the OS locks the
 * screen or goes to sleep, a full-window privacy screen covers every screen until a click or a
 * key (over the form, the packet preview and Past estimates); the page under it is inert and
 * hidden from assistive technology; nothing typed is lost; the window title never holds patient
 * data. Idle time passes on Playwright's clock.
 */
import type { Page } from '@playwright/test';
import { test, expect, letterhead, type App } from './fixtures';
import { EstimatePage } from './pages/estimate-page';
import { RecordsPage } from './pages/records-page';
import { expectNoAxeViolations, screenshots } from './pages/checks';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

const APP_TITLE = 'Clinic Estimate & Packet';

const privacyScreen = (page: Page) => page.getByRole('dialog', { name: 'Patient details are hidden' });

/** Playwright's clock in charge of the page's timers and Date (time still flows until moved). */
async function withTestClock(app: App): Promise<void> {
  await app.page.clock.install();
  await app.reload();
}

/** Is whatever shows at the middle of `box` part of the privacy screen? */
async function coveredByPrivacyScreen(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<boolean> {
  return page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('dialog.privacy-screen') != null,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

/** Is every point of a grid over the whole window part of the privacy screen? */
async function wholeWindowCovered(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const steps = [0.01, 0.25, 0.5, 0.75, 0.99];
    return steps.every((fx) =>
      steps.every((fy) => document.elementFromPoint(fx * window.innerWidth, fy * window.innerHeight)?.closest('dialog.privacy-screen') != null),
    );
  });
}

/** While the screen shows, everything else on the page is inert and hidden from assistive technology. */
async function expectPageUnderneathHidden(page: Page): Promise<void> {
  const others = await page.evaluate(() =>
    [...document.body.children]
      .filter((el) => !(el instanceof HTMLDialogElement && el.classList.contains('privacy-screen')) && el.tagName !== 'SCRIPT')
      .map((el) => ({ id: el.id, inert: (el as HTMLElement).inert, ariaHidden: el.getAttribute('aria-hidden') })),
  );
  expect(others.length).toBeGreaterThan(0);
  for (const other of others) expect(other, `#${other.id}`).toEqual({ id: other.id, inert: true, ariaHidden: 'true' });
}

test('after 5 idle minutes the privacy screen covers the form; a click brings it back with nothing lost', async ({ app }) => {
  await withTestClock(app);
  const page = new EstimatePage(app.page);
  await page.field('First name').pressSequentially('Wilhelmina');
  await page.field('Last name').pressSequentially('Quackenbush');
  await page.field('Date of birth').pressSequentially('02/29/1944');
  await page.field('Last name').click();
  const nameBox = await page.field('Last name').boundingBox();
  if (nameBox === null) throw new Error('the Last name box is not on screen');

  // Not before the idle time; and any use starts it again.
  await app.page.clock.fastForward('04:50');
  await expect(privacyScreen(app.page)).toHaveCount(0);
  await app.page.mouse.move(200, 300);
  await app.page.clock.fastForward('04:50');
  await expect(privacyScreen(app.page)).toHaveCount(0);
  await app.page.clock.fastForward('00:15');

  const screen = privacyScreen(app.page);
  await expect(screen).toBeVisible();
  await expect(screen).toHaveAttribute('aria-modal', 'true');
  await expect(screen).toContainText('This screen hides the app while no one is using it');
  await expect(screen).toContainText('It is not a login');
  await expect(screen).toContainText('Hidden after 5 minutes without use.');
  await expect(screen.getByRole('button', { name: 'Click to continue' })).toBeFocused();
  await expectPageUnderneathHidden(app.page);
  // Nothing of the form is there for assistive technology, nor on screen.
  await expect(app.page.getByRole('textbox', { name: 'Last name' })).toHaveCount(0);
  await expect(app.page.getByRole('heading', { name: 'New estimate' })).toHaveCount(0);
  expect(await coveredByPrivacyScreen(app.page, nameBox)).toBe(true);
  expect(await wholeWindowCovered(app.page)).toBe(true);
  await expectNoAxeViolations(app.page, 'privacy screen');
  await screenshots(app.page, 'privacy-screen-idle', { fullPage: false });

  // A click anywhere continues: the form as it was, the cursor where it was.
  await app.page.mouse.click(30, 30);
  await expect(screen).toHaveCount(0);
  await expect(page.field('First name')).toHaveValue('Wilhelmina');
  await expect(page.field('Last name')).toHaveValue('Quackenbush');
  await expect(page.field('Date of birth')).toHaveValue('02/29/1944');
  await expect(page.field('Last name')).toBeFocused();
  await expect(app.page.locator('#root')).not.toHaveAttribute('inert');
  await expect(app.page.locator('#root')).not.toHaveAttribute('aria-hidden');
  await app.page.keyboard.type('-Smith');
  await expect(page.field('Last name')).toHaveValue('Quackenbush-Smith');

  // And it comes back after the next idle time.
  await app.page.clock.fastForward('05:01');
  await expect(privacyScreen(app.page)).toBeVisible();
});

test('the OS locking the screen or going to sleep shows it at once, on Past estimates too; any key continues and is not typed', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.field('First name').pressSequentially('Ada');
  await expect.poll(() => app.subscribers('privacy:os-locked')).toBeGreaterThan(0);

  expect(app.emit('privacy:os-locked', { reason: 'lock-screen' })).toBeGreaterThan(0);
  const screen = privacyScreen(app.page);
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('Hidden because the screen was locked.');
  await expectPageUnderneathHidden(app.page);
  await app.page.keyboard.press('x');
  await expect(screen).toHaveCount(0);
  await expect(page.field('First name')).toHaveValue('Ada');
  await expect(page.field('First name')).toBeFocused();

  app.emit('privacy:os-locked', { reason: 'suspend' });
  await expect(screen).toContainText('Hidden because the computer went to sleep.');
  await app.page.keyboard.press('Escape');
  await expect(screen).toHaveCount(0);
  await expect(page.field('First name')).toHaveValue('Ada');

  // Past estimates (names, dates of birth) is covered the same way.
  await new RecordsPage(app.page).open();
  app.emit('privacy:os-locked', { reason: 'lock-screen' });
  await expect(screen).toBeVisible();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Past estimates' })).toHaveCount(0);
  await expectPageUnderneathHidden(app.page);
  expect(await wholeWindowCovered(app.page)).toBe(true);
  await app.page.mouse.click(600, 400);
  await expect(app.page.getByRole('heading', { level: 1, name: 'Past estimates' })).toBeVisible();
});

test('the packet preview is covered too, and the window title never names the patient', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'Wilhelmina', lastName: 'Quackenbush', dateOfBirth: '02/29/1944' });
  await page.chooseCoverage('Commercial insurance');
  await page.type('Insurance company', 'Acme Health');
  await page.type('Member ID', 'XJ123456789');
  await page.type('Deductible', '3000');
  await page.type('Coinsurance (%)', '20');
  await page.settled();
  await page.button('Preview packet').click();
  const preview = app.page.getByRole('region', { name: 'Packet preview' });
  await expect(preview.getByText('Quackenbush-Wilhelmina-vertebroplasty-', { exact: false })).toBeVisible();
  expect(await app.page.title()).toBe(APP_TITLE);

  const pdfBox = await preview.locator('object').boundingBox();
  if (pdfBox === null) throw new Error('the preview should be on screen');

  await expect.poll(() => app.subscribers('privacy:os-locked')).toBeGreaterThan(0);
  app.emit('privacy:os-locked', { reason: 'suspend' });
  await expect(privacyScreen(app.page)).toBeVisible();
  await expect(app.page.getByRole('region', { name: 'Packet preview' })).toHaveCount(0);
  await expect(app.page.getByRole('region', { name: 'Estimate' })).toHaveCount(0);
  expect(await coveredByPrivacyScreen(app.page, pdfBox)).toBe(true);
  expect(await wholeWindowCovered(app.page)).toBe(true);
  await screenshots(app.page, 'privacy-screen-over-preview', { fullPage: false });
  expect(await app.page.title()).toBe(APP_TITLE);

  await app.page.getByRole('button', { name: 'Click to continue' }).click();
  await expect(preview).toBeVisible();
  expect(await app.page.title()).toBe(APP_TITLE);
});
