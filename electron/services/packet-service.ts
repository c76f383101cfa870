/**
 * The packet behind the IPC handlers and the headless command: loads the content template
 * for the case's language (cached per service), refuses a Good Faith Estimate the clinic
 * profile or the other providers cannot back (each one's NPI, TIN, name, location), builds the document definition and
 * renders it (in this thread, or in the packet worker the caller gives). Plain Node; no Electron.
 */
import { createHash } from 'node:crypto';
import type { ProcedureCatalog } from '../../core/estimate/procedure-catalog';
import type { ContentLanguage, PacketContent } from '../../core/packet/content-schema';
import { packetFileName, packetReference } from '../../core/packet/reference';
import { checkPacketReady } from '../../core/packet/ready';
import type { Case, Estimate } from '../../core/estimate/types';
import { fail, ok, type FieldIssue, type Result } from '../../core/result';
import { noOtherProviders, type ClinicProfile, type Doctor, type OtherProviders } from '../../core/settings';
import { contentFileLabel, loadPacketContent } from './content-loader';
import { createInProcessPacketRenderer, type PacketRenderer } from './packet-renderer';
import { WorkerStopped } from './packet-worker/worker-client';
import { LOGO_UNPRINTABLE, logoPrints } from './clinic-logo';

export interface PacketBuildInput {
  caseData: Case;
  estimate: Estimate;
  clinic: ClinicProfile;
  /** Who bills the facility fee and the anesthesia (Good Faith Estimate); none by default. */
  otherProviders?: OtherProviders;
  /** The clinic's doctors (the chosen doctor's NPI on the Good Faith Estimate). */
  doctors?: readonly Doctor[];
  /** The issued estimate this packet replaces (Past estimates -> Revise): said on the packet. */
  revision?: { reference: string; issuedAt: string } | undefined;
  /** YYYY-MM-DD, the clinic's date. */
  preparedDate: string;
}

export interface BuiltPacket {
  pdf: Uint8Array;
  fileName: string;
  reference: string;
  /** What it was made with, kept with its record: the template, its content and the fee lines (SHA-256, first 16 hex). */
  versions: Record<string, string>;
}

const shortHash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export interface PacketService {
  build(input: PacketBuildInput): Promise<Result<BuiltPacket>>;
  /**
   * Render one invented packet (the procedure's warm-up case: loads pdfmake, the fonts and
   * the template, and warms every layout path) so the first real packet after start-up is
   * fast. Call it once in the background at start-up; it never throws.
   */
  warmUp(input: PacketBuildInput): Promise<void>;
}

/** Where a printed text comes from: the form's field path, or the Settings field. */
const CASE_FIELDS = [
  ['patient.firstName', 'First name', (c: Case) => c.patient.firstName],
  ['patient.lastName', 'Last name', (c: Case) => c.patient.lastName],
  ['doctor', 'Doctor', (c: Case) => c.doctor ?? ''],
  ['coverage.payerName', 'Insurance plan name', (c: Case) => c.coverage.payerName ?? ''],
  ['coverage.memberId', 'Member ID', (c: Case) => c.coverage.memberId ?? ''],
  ['coverage.secondary.payerName', 'Second plan name', (c: Case) => c.coverage.secondary?.payerName ?? ''],
] as const;

/**
 * Every text the packet prints from the case or Settings that holds a character no shipped font
 * has (an emoji, a script without a font): named by field, so staff can change it before the
 * packet is issued, rather than hand over a page with empty boxes. Characters are shown; the
 * text around them is not (it may be patient data).
 */
export async function unprintableFields(
  input: { caseData: Case; clinic: ClinicProfile; otherProviders: OtherProviders },
  unprintable: PacketRenderer['unprintable'],
): Promise<FieldIssue[]> {
  const fields: { path: string; label: string; text: string; where: string }[] = [];
  for (const [path, label, pick] of CASE_FIELDS) fields.push({ path, label, text: pick(input.caseData), where: '' });
  for (const field of ['name', 'address', 'phone'] as const) fields.push({ path: `clinic.${field}`, label: `Clinic ${field}`, text: input.clinic[field], where: ' (Settings → Clinic profile)' });
  for (const key of ['hospitalOutpatient', 'asc', 'anesthesia'] as const) {
    for (const field of ['name', 'address'] as const) {
      fields.push({ path: `otherProviders.${key}.${field}`, label: `Other provider ${field}`, text: input.otherProviders[key][field], where: ' (Settings → Other providers)' });
    }
  }
  const found = await unprintable(fields.map((f) => f.text));
  return fields.flatMap(({ path, label, where }, i) => {
    const chars = found[i] ?? [];
    return chars.length === 0
      ? []
      : [{ path, message: `${label}${where}: ${chars.map((c) => `"${c}"`).join(', ')} cannot be printed (it would show as an empty box). Remove it, or write the text in letters the packet can print.` }];
  });
}

/** What staff read when the packet worker stopped or hung on a packet (it has been started again). */
export const WORKER_STOPPED_MESSAGE =
  'The packet could not be made this time: the part of the app that makes PDFs stopped and has been started again. Nothing on the form needs changing; please try again. If it keeps happening, report it.';

export function createPacketService(options: {
  templatesDir: string;
  fontsDir: string;
  catalog: ProcedureCatalog;
  /** Where PDFs are made: in this thread unless given (the app gives its packet worker). */
  renderer?: PacketRenderer;
}): PacketService {
  const renderer = options.renderer ?? createInProcessPacketRenderer(options.fontsDir);
  const contentCache = new Map<string, PacketContent>();
  /** Each loaded template's hash, worked out once (the content is cached, so the same object comes back). */
  const contentHashes = new WeakMap<PacketContent, string>();
  const contentHash = (value: PacketContent): string => {
    let hash = contentHashes.get(value);
    if (hash === undefined) {
      hash = shortHash(value);
      contentHashes.set(value, hash);
    }
    return hash;
  };
  // The last logo checked and whether it prints (it changes rarely; decoding it every packet would be waste).
  let checkedLogo: { dataUrl: string; prints: boolean } | null = null;
  /** The last packet built and what it was built from (see build). */
  let lastBuilt: { key: string; packet: BuiltPacket } | null = null;
  const logoProblem = (dataUrl: string): FieldIssue[] => {
    if (dataUrl === '') return [];
    if (checkedLogo?.dataUrl !== dataUrl) checkedLogo = { dataUrl, prints: logoPrints(dataUrl) };
    return checkedLogo.prints ? [] : [{ path: 'clinic.logoDataUrl', message: LOGO_UNPRINTABLE }];
  };

  const content = async (procedureId: string, language: ContentLanguage): Promise<Result<PacketContent>> => {
    const key = `${procedureId}/${language}`;
    const cached = contentCache.get(key);
    if (cached) return ok(cached);
    const loaded = await loadPacketContent(options.templatesDir, procedureId, language);
    if (loaded.ok) contentCache.set(key, loaded.value);
    return loaded;
  };

  const build: PacketService['build'] = async ({ caseData, estimate, clinic, otherProviders = noOtherProviders, doctors = [], revision, preparedDate }) => {
      const issues = checkPacketReady(estimate, clinic, caseData.procedure.site, otherProviders);
      if (issues.length > 0) return fail('missing-clinic-details', issues.map((i) => i.message).join(' '), issues);
      // A logo stored by an older version that cannot be printed would fail the whole PDF unexplained.
      const badLogo = logoProblem(clinic.logoDataUrl);
      if (badLogo.length > 0) return fail('missing-clinic-details', LOGO_UNPRINTABLE, badLogo);
      const procedure = options.catalog.get(caseData.procedure.id)?.procedure;
      if (procedure === undefined) return fail('invalid-input', 'Choose a procedure this app knows.', [{ path: 'procedure.id', message: 'Choose a procedure this app knows.' }]);
      const loaded = await content(procedure.id, caseData.language);
      // A shipped file is broken: nothing on the form is at fault, and staff cannot fix it. The
      // issues (the file's fields, for IT) are kept; 'pdf-failed' highlights nothing on the form.
      if (!loaded.ok) {
        const file = `templates/${contentFileLabel(procedure.id, caseData.language)}`;
        return fail('pdf-failed', `The packet could not be made: its text file ${file} is damaged or missing. Nothing on the form needs changing; ask IT to reinstall Clinic Estimate & Packet.`, loaded.error.issues);
      }
      const reference = packetReference(caseData, estimate, preparedDate, procedure);
      const versions = { template: `${procedure.id}/${caseData.language}`, content: contentHash(loaded.value), feeSchedule: shortHash(estimate.lines.map((l) => [l.id, l.lowCents, l.highCents])) };
      // One build per patient: preview, print and save of the same inputs (and the same content
      // and fees) reuse the last PDF; the build is deterministic, so the bytes are the same.
      const key = createHash('sha256').update(JSON.stringify([caseData, estimate, clinic, otherProviders, doctors, revision ?? null, preparedDate, versions])).digest('hex');
      if (lastBuilt?.key === key) return ok(lastBuilt.packet);
      // Checked after the reuse: the last packet's inputs passed it (it asks the packet worker,
      // which may be busy with another packet).
      const unprintable = await unprintableFields({ caseData, clinic, otherProviders }, (texts) => renderer.unprintable(texts));
      if (unprintable.length > 0) {
        return fail('invalid-input', `Some characters cannot be printed. ${unprintable.map((i) => i.message).join(' ')}`, unprintable);
      }
      try {
        const pdf = await renderer.render({
          caseData,
          estimate,
          content: loaded.value,
          clinic,
          otherProviders,
          doctors,
          ...(revision === undefined ? {} : { revision }),
          expectedDiagnoses: procedure.diagnoses.usual.filter((d) => d.expected === true).map((d) => d.code),
          preparedDate,
          reference,
          largePrint: caseData.largePrint,
        });
        const packet: BuiltPacket = { pdf, fileName: packetFileName(caseData, preparedDate, procedure), reference, versions };
        lastBuilt = { key, packet };
        return ok(packet);
      } catch (error) {
        if (error instanceof WorkerStopped) return fail('pdf-failed', WORKER_STOPPED_MESSAGE);
        // The message names the kind of failure only; it never carries patient data.
        const kind = error instanceof Error ? error.name : 'unknown error';
        return fail('pdf-failed', `The packet PDF could not be made (${kind}). Please try again; if it keeps failing, report it.`);
      }
  };

  return {
    build,
    async warmUp(input) {
      try {
        await build(input);
      } catch {
        // A failed warm-up only means the first packet is slower; build() reports real errors.
      }
    },
  };
}
