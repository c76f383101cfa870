import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sectionIds } from '../../core/packet/content-schema';
import { listContentTemplates, loadPacketContent } from './content-loader';

const templatesDir = resolve(import.meta.dirname, '../../templates');
const procedureId = 'vertebroplasty-lumbar';

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A templates folder holding one file `content.<language>.json` with the given text. */
async function templatesWith(language: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'content-loader-'));
  tempDirs.push(dir);
  await mkdir(join(dir, procedureId));
  await writeFile(join(dir, procedureId, `content.${language}.json`), text, 'utf8');
  return dir;
}

async function englishTemplate(): Promise<Record<string, unknown> & { sections: Record<string, unknown>[] }> {
  const text = await readFile(join(templatesDir, procedureId, 'content.en.json'), 'utf8');
  return JSON.parse(text) as Record<string, unknown> & { sections: Record<string, unknown>[] };
}

describe('listContentTemplates', () => {
  it('finds the lumbar vertebroplasty template in English and Spanish', async () => {
    const refs = await listContentTemplates(templatesDir);
    const found = refs.map((ref) => `${ref.procedureId}/${ref.language}`);
    expect(found).toContain(`${procedureId}/en`);
    expect(found).toContain(`${procedureId}/es`);
  });
});

describe('loadPacketContent', () => {
  it('loads and validates every template in every language', async () => {
    const refs = await listContentTemplates(templatesDir);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      const result = await loadPacketContent(templatesDir, ref.procedureId, ref.language);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.language).toBe(ref.language);
      expect(result.value.sections.map((section) => section.id)).toEqual([...sectionIds]);
    }
  });

  it('fails naming the file and field when a section has no heading', async () => {
    const broken = await englishTemplate();
    broken.language = 'es';
    delete broken.sections[3]?.heading;
    const dir = await templatesWith('es', JSON.stringify(broken));

    const result = await loadPacketContent(dir, procedureId, 'es');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain('vertebroplasty-lumbar/content.es.json: sections.3.heading: Required');
    expect(result.error.issues).toContainEqual({
      path: 'sections.3.heading',
      message: 'vertebroplasty-lumbar/content.es.json: sections.3.heading: Required',
    });
  });

  it('fails when the language inside the file does not match its name', async () => {
    const dir = await templatesWith('es', JSON.stringify(await englishTemplate()));
    const result = await loadPacketContent(dir, procedureId, 'es');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toEqual(['language']);
  });

  it('fails naming the file when it is not JSON', async () => {
    const dir = await templatesWith('en', '{ "language": "en", ');
    const result = await loadPacketContent(dir, procedureId, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toContain('vertebroplasty-lumbar/content.en.json: Not valid JSON');
    }
  });

  it('reports a missing template as not found, and refuses path-like procedure ids', async () => {
    const missing = await loadPacketContent(templatesDir, 'kyphoplasty-lumbar', 'en');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not-found');

    const escape = await loadPacketContent(templatesDir, '../templates', 'en');
    expect(escape.ok).toBe(false);
    if (!escape.ok) expect(escape.error.issues[0]?.path).toBe('procedureId');
  });
});
