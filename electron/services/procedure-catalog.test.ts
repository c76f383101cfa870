import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shippedProcedureId } from '../../core/testing/shipped-procedure';
import { loadProcedureCatalog, ProcedureDataError } from './procedure-catalog';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const TODAY = '2026-05-15';

/** A copy of the shipped templates/ to break one file of. */
function copyTemplates(edit: (folder: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'procedure-catalog-'));
  cpSync(templatesDir, dir, { recursive: true });
  edit(join(dir, shippedProcedureId));
  return dir;
}

const editJson = (file: string, edit: (data: Record<string, unknown>) => void): void => {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(file, JSON.stringify(data));
};

describe('loadProcedureCatalog', () => {
  it('loads and validates every shipped procedure, with its fee schedule and warm-up case', () => {
    const catalog = loadProcedureCatalog(templatesDir, TODAY);
    expect(catalog.definitions.map((p) => p.id)).toEqual([shippedProcedureId]);
    expect(catalog.primary.schedule.lines.length).toBeGreaterThan(5);
    expect(catalog.get(shippedProcedureId)?.procedure.referencePrefix).toMatch(/^[A-Z]{2,4}$/);
    expect(catalog.get('knee-replacement')).toBeUndefined();
  });

  it('names the file and field when the data is wrong', () => {
    const dir = copyTemplates((folder) => editJson(join(folder, 'fee-schedule.json'), (s) => (s['currency'] = 'EUR')));
    expect(() => loadProcedureCatalog(dir, TODAY)).toThrow(ProcedureDataError);
    expect(() => loadProcedureCatalog(dir, TODAY)).toThrow(new RegExp(`${shippedProcedureId}/fee-schedule\\.json\\.currency`));
  });

  it('names a missing procedure.json, with its path, when the folder has the other files', () => {
    const dir = copyTemplates((folder) => rmSync(join(folder, 'procedure.json')));
    try {
      loadProcedureCatalog(dir, TODAY);
      throw new Error('expected a ProcedureDataError');
    } catch (error) {
      expect(error).toBeInstanceOf(ProcedureDataError);
      expect((error as ProcedureDataError).file).toBe(join(dir, shippedProcedureId, 'procedure.json'));
      expect((error as Error).message).toMatch(/procedure\.json \(ENOENT\)/);
    }
  });

  it('refuses a procedure whose id is not its folder name', () => {
    const dir = copyTemplates((folder) => editJson(join(folder, 'procedure.json'), (p) => (p['id'] = 'something-else')));
    expect(() => loadProcedureCatalog(dir, TODAY)).toThrow(/the name of the folder/);
  });

  it('refuses an invalid warm-up case, naming its field', () => {
    const dir = copyTemplates((folder) => editJson(join(folder, 'warm-up-case.json'), (c) => (c['coverage'] = { kind: 'gold-plan' })));
    expect(() => loadProcedureCatalog(dir, TODAY)).toThrow(/warm-up-case\.json\.coverage\.kind/);
  });

  it('says when there is no templates folder or no procedure in it', () => {
    expect(() => loadProcedureCatalog(join(tmpdir(), 'no-templates-here'), TODAY)).toThrow(/templates folder/);
    const empty = mkdtempSync(join(tmpdir(), 'procedure-catalog-empty-'));
    expect(() => loadProcedureCatalog(empty, TODAY)).toThrow(/procedure\.json is missing/);
  });
});
