import { execFileSync } from 'node:child_process';
import { test, expect, letterhead } from './fixtures';
import { EstimatePage } from './pages/estimate-page';

// Packets are issued here: the clinic profile has the name and phone every letterhead needs.
test.use({ appOptions: { clinic: letterhead } });

test('a Spanish large-print packet is saved and reads back in Spanish', async ({ app }) => {
  const page = new EstimatePage(app.page);
  await page.fillPatient({ firstName: 'María', lastName: 'García', dateOfBirth: '07/04/1944' });
  await page.chooseCoverage('Original Medicare');
  await expect(page.field('Deductible')).toHaveCount(0);
  await expect(page.field('Copay')).toHaveCount(0);
  await page.field('Packet language').selectOption({ label: 'Spanish (Español)' });
  await page.field('Large print').check();
  await page.settled();

  await page.button('Save PDF').click();
  await expect(page.status).toContainText('Saved to');
  const [file] = app.savedFiles();
  expect(file).toMatch(/Garcia-Maria-vertebroplasty-\d{4}-\d{2}-\d{2}\.pdf$/);

  const text = execFileSync('pdftotext', ['-layout', file ?? '', '-'], { encoding: 'utf8' });
  expect(text).toContain('¿Qué es la vertebroplastia?');
  expect(text).toContain('Cómo prepararse');
  expect(text).toContain('Posibles problemas');
  expect(text).toContain('García');
  expect(text).not.toContain('What is vertebroplasty');

  // Large print: body text at 18 pt or more (pdftotext -bbox gives each word's box height).
  const html = execFileSync('pdftotext', ['-bbox', '-f', '2', '-l', '2', file ?? '', '-'], { encoding: 'utf8' });
  const heights = [...html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
  heights.sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  expect(median).toBeGreaterThanOrEqual(18);
});
