/** The New estimate screen, found by the labels staff see (issue 5). */
import { expect, type Locator, type Page } from '@playwright/test';

export interface PatientDetails {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

export class EstimatePage {
  readonly page: Page;
  readonly summary: Locator;
  readonly actions: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.summary = page.getByRole('region', { name: 'Estimate' });
    this.actions = page.getByRole('group', { name: 'Packet actions' });
    this.alert = this.actions.getByRole('alert');
    this.status = this.actions.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'New estimate' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'New estimate' })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fillPatient(p: PatientDetails): Promise<void> {
    await this.field('First name').fill(p.firstName);
    await this.field('Last name').fill(p.lastName);
    await this.field('Date of birth').fill(p.dateOfBirth);
  }

  async chooseCoverage(label: string): Promise<void> {
    await this.field('Coverage type').selectOption({ label });
  }

  /** Type into a field and leave it, as staff do (errors and formatting show on leaving). */
  async type(label: string, text: string): Promise<void> {
    const input = this.field(label);
    await input.fill(text);
    await input.blur();
  }

  /** The dollars shown beside a term in the summary ("Patient pays", "Copay", ...). */
  figure(term: string): Locator {
    return this.summary.locator('div.summary__row').filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) }).getByRole('definition');
  }

  /** Wait until the summary shows the latest answer (not mid-update). */
  async settled(): Promise<void> {
    await expect(this.summary).toHaveAttribute('aria-busy', 'false');
    await expect(this.summary.getByRole('term').getByText('Patient pays', { exact: true })).toBeVisible();
  }

  button(name: 'Preview packet' | 'Print' | 'Save PDF' | 'Clear form'): Locator {
    return this.actions.getByRole('button', { name, exact: true });
  }

  /** The field says what is wanted beside it, tied on with aria-describedby, and is marked invalid. */
  async expectError(label: string, message: RegExp): Promise<void> {
    const input = this.field(label);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(message);
  }

  async draftSaved(): Promise<void> {
    await expect(this.page.getByText('Draft saved on this computer')).toBeVisible();
  }
}
