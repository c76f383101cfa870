/** Shared checks for every screen: axe finds nothing, and screenshots at the two sizes staff use. */
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

const sizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];

/**
 * Screenshots at 1280×800 and 1024×768 into e2e-artifacts/screenshots/: the full page, or
 * just the window for states that float over it (a modal dialog).
 */
export async function screenshots(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  const fullPage = options.fullPage ?? true;
  const scrolled = await page.evaluate(() => window.scrollY);
  for (const size of sizes) {
    await page.setViewportSize(size);
    // Full-page captures start at the top: tiles scrolled past are not always repainted.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await paintedFrame(page);
    await page.screenshot({ path: join(screenshotDir, `${name}-${size.width}x${size.height}.png`), fullPage });
  }
  if (original) await page.setViewportSize(original);
  if (fullPage) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
}
