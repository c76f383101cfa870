/** Shared checks for every screen: axe finds nothing, and screenshots at the sizes staff use. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { screenshotDir } from '../fixtures';

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${state}`).toEqual([]);
}

/**
 * Waits until the browser has painted twice since now: right after a viewport resize, a
 * full-page capture could otherwise show parts of the page not repainted yet (blank areas).
 */
async function paintedFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/**
 * The window sizes staff use, and a 1280x800 window at 200% zoom: the page then lays out in
 * 640x400 CSS pixels, as it does here (browser zoom and a half-size viewport give the same layout).
 */
export const screenSizes = [
  { width: 1280, height: 800, label: '1280x800' },
  { width: 1024, height: 768, label: '1024x768' },
  { width: 640, height: 400, label: 'zoom200' },
] as const;

/**
 * Screenshots are for people to look at: a CI run on a fresh machine (CI=true) has no one to
 * look, so it skips them (about a quarter of the e2e time on 2 cores) unless E2E_SCREENSHOTS=1.
 */
const takeScreenshots = !process.env['CI'] || process.env['E2E_SCREENSHOTS'] === '1';
if (!takeScreenshots) console.log('[screenshots] skipped: CI=true and E2E_SCREENSHOTS is not 1 (no one looks at them on a CI machine)');

/**
 * Screenshots at 1280×800, 1024×768 and 200% zoom into e2e-artifacts/screenshots/: the full page, or
 * just the window for states that float over it (a modal dialog).
 */
export async function screenshots(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!takeScreenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  const fullPage = options.fullPage ?? true;
  const scrolled = await page.evaluate(() => window.scrollY);
  for (const size of screenSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Full-page captures start at the top: tiles scrolled past are not always repainted.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await paintedFrame(page);
    await page.screenshot({ path: join(screenshotDir, `${name}-${size.label}.png`), fullPage });
  }
  if (original) await page.setViewportSize(original);
  if (fullPage) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
}
