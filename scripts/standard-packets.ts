/**
 * Renders the five standard packets (electron/services/testing/packet-fixtures.ts) to a folder
 * and, with poppler, each page to a PNG, so a layout change can be looked at page by page:
 *   npx tsx scripts/standard-packets.ts [out-folder]   (default: /tmp/standard-packets)
 * Prints each packet's page count. Invented patients only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPacketService } from '../electron/services/packet-service';
import * as fx from '../electron/services/testing/packet-fixtures';

const out = process.argv[2] ?? '/tmp/standard-packets';
mkdirSync(out, { recursive: true });
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
for (const [name, raw] of Object.entries(fx.standardPackets)) {
  const built = await service.build({ ...fx.estimateCase(raw), clinic: fx.clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });
  if (!built.ok) throw new Error(`${name}: ${built.error.message}`);
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, built.value.pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, join(out, name)]);
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
  console.log(`${name}: ${pages} pages`);
}
