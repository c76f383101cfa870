/** Past estimates, found by what staff see: the search box, the table of records, each record's buttons. */
import { expect, type Locator, type Page } from '@playwright/test';

export class RecordsPage {
  readonly page: Page;
  readonly search: Locator;
  readonly table: Locator;
  /** How many were found, or why the list is empty. */
  readonly summary: Locator;
  /** The summary and the table: aria-busy until the latest search has its answer. */
  readonly results: Locator;

  constructor(page: Page) {
    this.page = page;
    this.search = page.getByLabel('Find a patient', { exact: true });
    this.table = page.getByRole('table', { name: 'Past estimates found' });
    this.summary = page.locator('.records__summary');
    this.results = page.locator('.records__results');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Past estimates' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Past estimates' })).toBeVisible();
  }

  /** Type a search as staff do, and wait for its answer. */
  async find(query: string): Promise<void> {
    await this.search.fill(query);
    await this.settled();
  }

  async settled(): Promise<void> {
    await expect(this.results).toHaveAttribute('aria-busy', 'false');
  }

  /** Every record shown (each a row group: its facts, then its buttons). */
  records(): Locator {
    return this.table.locator('tbody.record');
  }

  /** The record whose reference is given. */
  record(reference: string): Locator {
    return this.records().filter({ has: this.page.locator('.record__reference', { hasText: new RegExp(`^${reference}$`) }) });
  }

  /** A record's cell under a column ("Date of birth", "Kind", ...). */
  async cell(record: Locator, column: string): Promise<Locator> {
    const headers = await this.table.locator('thead th').allTextContents();
    const index = headers.indexOf(column);
    expect(index, `column ${column}`).toBeGreaterThanOrEqual(0);
    return record.locator('tr.record__facts > *').nth(index);
  }

  button(record: Locator, name: 'Reprint' | 'Save PDF again' | 'Revise' | 'What each provider billed' | 'Delete'): Locator {
    return record.getByRole('button', { name, exact: true });
  }

  /** What the record's buttons did ("Saved to …"). */
  status(record: Locator): Locator {
    return record.locator('.record__status');
  }

  /** The reference of each record shown, newest first. */
  async references(): Promise<string[]> {
    return this.table.locator('.record__reference').allTextContents();
  }
}
