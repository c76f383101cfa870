/**
 * A broken packet text file (templates/<procedure>/content.<lang>.json) is not the form's fault:
 * the packet's answer names the file and says IT should reinstall the app, as a kind of error the
 * form highlights nothing for, with no patient data.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPacketService } from './packet-service';
import * as fx from './testing/packet-fixtures';

function templatesWith(change: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'broken-templates-')), 'templates');
  cpSync(fx.templatesDir, dir, { recursive: true });
  change(join(dir, 'vertebroplasty-lumbar'));
  return dir;
}

async function spanishPacket(templatesDir: string) {
  const service = createPacketService({ templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
  return service.build({ ...fx.estimateCase(fx.spanishCase), clinic: fx.clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });
}

const breakages: [string, (dir: string) => void][] = [
  ['not valid JSON', (dir) => writeFileSync(join(dir, 'content.es.json'), '{ "language": "es", ')],
  ['valid JSON that fails its schema', (dir) => {
    const content = JSON.parse(readFileSync(join(dir, 'content.es.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'content.es.json'), JSON.stringify({ ...content, language: 'fr' }));
  }],
  ['missing', (dir) => rmSync(join(dir, 'content.es.json'))],
];

describe('a broken packet text file', () => {
  for (const [what, breakIt] of breakages) {
    it(`(${what}) names the file and asks IT to reinstall, highlighting no field`, async () => {
      const result = await spanishPacket(templatesWith(breakIt));
      if (result.ok) throw new Error('expected the packet to fail');
      // Not 'invalid-input': the form highlights nothing (the issues name the file's fields, for IT).
      expect(result.error.code).toBe('pdf-failed');
      expect(result.error.message).toContain('templates/vertebroplasty-lumbar/content.es.json');
      expect(result.error.message).toMatch(/ask IT to reinstall Clinic Estimate & Packet/);
      expect(result.error.message).not.toMatch(/highlighted/);
      expect(result.error.message).not.toMatch(/José|Peña|Núñez|1945/);
    });
  }
});
