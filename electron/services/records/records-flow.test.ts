/**
 * Records through the app's own handlers (as the window and the preview bridge call them):
 * an issued packet is on record, found, saved again byte for byte after a fee change,
 * revised (the new record and the packet's page name the old one), reprinted and deleted,
 * each audited; and the data folder holds no patient data in plaintext.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import type { RecordRow, RecordSearchResult } from '../../../core/ipc/contract';
import type { Result } from '../../../core/result';
import { createDispatcher } from '../../ipc/dispatch';
import { writeFileAtomic } from '../atomic-write';
import { createAppServices } from '../app-services';
import { clinic, MEMBER_ID, otherProviders, uninsuredCase } from '../testing/packet-fixtures';
import { testCipher } from './testing/test-cipher';
import { folded, pdfText } from '../testing/pdf-tools';

const appRoot = join(import.meta.dirname, '..', '..', '..');
const patient = { firstName: 'Philippa', lastName: 'Quennell-Ashby', dateOfBirth: '1947-08-13' };

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'records-flow-'));
  const saved: string[] = [];
  const printed: Buffer[] = [];
  const services = createAppServices(
    { appRoot, dataDir },
    {
      openStore: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600, projectName: 'records-flow' }),
      rename: renameSync,
      cipher: testCipher(),
      saveFile: async (name, data) => {
        const path = join(dataDir, 'saved', `${saved.length}-${name}`);
        await writeFileAtomic(path, data);
        saved.push(path);
        return { saved: true, path };
      },
      printPdf: async (pdf) => {
        printed.push(Buffer.from(pdf));
        return { printed: true };
      },
      settingsChanged: () => undefined,
      operator: 'frontdesk1',
      now: () => new Date(2026, 10, 29, 9, 30),
      log: () => undefined,
    },
  );
  const dispatch = createDispatcher(services.handlers, { middleware: [], log: () => undefined });
  const call = async <T>(channel: string, request?: unknown): Promise<T> => {
    const result = (await dispatch(channel, request, null)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { dataDir, call, saved, printed, services };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under `dir`, recursively, except saved PDFs (the patient's own copies). */
function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'saved' ? [] : dataFiles(path);
    return [path];
  });
}

describe('records through the handlers', () => {
  it('keeps what was issued, gives the same bytes again after a fee change, and revises it', async () => {
    const { call, saved, printed, dataDir, services } = setup();
    await services.records;
    await call('settings:update', { clinic, otherProviders });
    const gfe = { ...uninsuredCase, patient, coverage: { kind: 'uninsured', memberId: MEMBER_ID }, preparedBy: 'JD' };
    await call('packet:save-pdf', gfe);
    const found = await call<RecordSearchResult>('records:search', { query: 'quennell' });
    expect(found.rows.map((r) => [r.patientName, r.kind, r.preparedBy, r.dateOfBirth])).toEqual([['Philippa Quennell-Ashby', 'good-faith-estimate', 'JD', '1947-08-13']]);
    const first = found.rows[0] as RecordRow;
    expect(first.providers.map((p) => [p.role, p.name])).toEqual([
      ['physician', clinic.name],
      ['facility', otherProviders.asc.name],
      ['anesthesia', 'Anesthesia (not named yet)'],
    ]);

    // A fee change after issue does not change what was issued.
    await call('settings:update', { feeOverrides: { 'vertebroplasty-lumbar': { 'facility-asc': { lowCents: 350_000, highCents: 520_000 } } } });
    await call('records:save-again', { id: first.id });
    expect(sha(saved[1] ?? '')).toBe(sha(saved[0] ?? ''));
    await call('records:reprint', { id: first.id });
    expect(createHash('sha256').update(printed[0] ?? Buffer.alloc(0)).digest('hex')).toBe(sha(saved[0] ?? ''));

    // Revise: the form gets the case as entered; the new packet and record name the first.
    const revision = await call<{ caseInput: typeof gfe }>('records:revise', { id: first.id });
    expect(revision.caseInput).toEqual(gfe);
    const preview = await call<{ pdfBase64: string }>('packet:preview', { ...revision.caseInput, revises: first.id });
    const previewFile = join(dataDir, 'saved', 'revised-preview.pdf');
    await writeFileAtomic(previewFile, Buffer.from(preview.pdfBase64, 'base64'));
    // (pdftotext drops a hyphen where the reference wraps.)
    expect(folded(await pdfText(previewFile, { layout: false }))).toMatch(new RegExp(`replaces the one given on November 29, 2026 \\(${first.reference.replace(/-/g, '-?')}\\)`));
    await call('packet:save-pdf', { ...revision.caseInput, revises: first.id });
    const both = await call<RecordSearchResult>('records:search', { query: 'Philippa' });
    expect(both.rows).toHaveLength(2);
    const second = both.rows.find((r) => r.id !== first.id);
    expect(second?.revises).toBe(first.reference);
    expect(both.rows.find((r) => r.id === first.id)?.revisedBy).toBe(second?.reference);

    await call('records:delete', { id: first.id });
    const store = (await services.records).store;
    expect((await store?.auditEntries())?.map((e) => e.action)).toEqual(['settings-changed', 'issue-save', 'settings-changed', 'save-again', 'reprint', 'revise', 'delete']);
    expect(await store?.verifyAudit()).toBeNull();
    await store?.close();

    // Nothing of the patient is in plaintext anywhere in the data folder but the saved PDFs.
    const secrets = [patient.firstName, patient.lastName, patient.dateOfBirth, '08/13/1947', MEMBER_ID];
    for (const file of dataFiles(dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of secrets) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${file} holds ${secret}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${file} holds ${secret} (UTF-16)`).toBe(false);
      }
    }
  });
});
