/** The Settings screen: clinic profile, other providers, defaults, fee schedule, Medicare rates, configuration export/import. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface ClinicDetails {
  name?: string;
  address?: string;
  phone?: string;
  npi?: string;
  tin?: string;
}

export class SettingsPage {
  readonly page: Page;
  readonly clinicProfile: Locator;
  readonly otherProviders: Locator;
  readonly defaults: Locator;
  readonly records: Locator;
  readonly fees: Locator;
  readonly medicareRates: Locator;
  readonly configuration: Locator;

  constructor(page: Page) {
    this.page = page;
    this.clinicProfile = page.getByRole('region', { name: 'Clinic profile' });
    this.otherProviders = page.getByRole('region', { name: 'Other providers on the Good Faith Estimate' });
    this.defaults = page.getByRole('region', { name: 'Defaults for new estimates' });
    this.records = page.getByRole('region', { name: 'Records and privacy' });
    this.fees = page.getByRole('region', { name: 'Fee schedule' });
    this.medicareRates = page.getByRole('region', { name: 'Medicare rates' });
    this.configuration = page.getByRole('region', { name: 'Clinic configuration' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  }

  async fillClinic(details: ClinicDetails): Promise<void> {
    const labels: [keyof ClinicDetails, string][] = [
      ['name', 'Clinic name'],
      ['address', 'Address'],
      ['phone', 'Phone'],
      ['npi', 'NPI'],
      ['tin', 'TIN'],
    ];
    for (const [key, label] of labels) {
      const value = details[key];
      if (value !== undefined) await this.clinicProfile.getByLabel(label, { exact: true }).fill(value);
    }
  }

  async saveClinic(): Promise<void> {
    await this.clinicProfile.getByRole('button', { name: 'Save clinic profile' }).click();
    await expect(this.clinicProfile.getByRole('status')).toContainText('Saved');
  }

  /** One provider's fieldset in "Other providers", by its legend. */
  provider(legend: 'Hospital outpatient department' | 'Surgery center (ASC)' | 'Anesthesia provider'): Locator {
    return this.otherProviders.getByRole('group', { name: legend });
  }

  /** The clinic's own amount for one Medicare figure, by the figure's label. */
  medicareInput(figure: string): Locator {
    return this.medicareRates.getByRole('textbox', { name: `Your clinic's amount ${figure}`, exact: true });
  }

  feeInput(end: 'Low' | 'High', service: string): Locator {
    return this.fees.getByRole('textbox', { name: `${end} ${service}` });
  }

  async saveFees(): Promise<void> {
    await this.fees.getByRole('button', { name: 'Save fee schedule' }).click();
    await expect(this.fees.getByRole('status')).toContainText('Saved');
  }

  async exportConfiguration(): Promise<string> {
    await this.configuration.getByRole('button', { name: 'Export clinic configuration' }).click();
    const status = this.configuration.getByRole('status').first();
    await expect(status).toContainText('Saved to');
    return ((await status.textContent()) ?? '').replace(/^Saved to /, '').trim();
  }

  async chooseImportFile(path: string): Promise<Locator> {
    await this.configuration.getByLabel('Import clinic configuration').setInputFiles(path);
    const changes = this.configuration.getByRole('group', { name: /^Changes from/ });
    await expect(changes).toBeVisible();
    return changes;
  }
}
