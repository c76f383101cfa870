import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

test('a clinic name saved in Settings is still there after a reload, with no outside requests', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).first().click();
  const name = page.getByLabel('Clinic name');
  await name.fill('Lakeside Spine & Pain Center');
  await page.getByRole('button', { name: /save clinic profile/i }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();

  await app.reload();
  await page.getByRole('button', { name: 'Settings' }).first().click();
  await expect(page.getByLabel('Clinic name')).toHaveValue('Lakeside Spine & Pain Center');

  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { settings: { clinic: { name: string } } };
  expect(onDisk.settings.clinic.name).toBe('Lakeside Spine & Pain Center');
  expect(app.outsideRequests).toEqual([]);
});

test('window.clinic exposes only the named domain API', async ({ app }) => {
  const shape = await app.page.evaluate(() => {
    const api = window.clinic as unknown as Record<string, Record<string, unknown>>;
    return Object.fromEntries(Object.entries(api).map(([group, calls]) => [group, Object.keys(calls).sort()]));
  });
  expect(Object.keys(shape).sort()).toEqual(['config', 'draft', 'estimate', 'fees', 'medicare', 'packet', 'privacy', 'procedures', 'records', 'settings', 'sharing']);
  expect(JSON.stringify(shape)).not.toMatch(/invoke|ipcRenderer|send|process/);
});

test('a request that fails its schema returns a typed error naming the field, not a crash', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    window.clinic.settings.update({ clinic: { npi: '12345' } }),
  );
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues.map((i) => i.path)).toContain('clinic.npi');
  }
});
