/**
 * The one IPC contract: every channel's request schema and response type, and the events
 * main pushes. Main, preload, the browser-preview bridge and the renderer all derive from
 * this file; no channel name is spelled anywhere else.
 */
import { z } from 'zod';
import type { CaseInput } from '../case/case-schema';
import type { FigureUnit } from '../estimate/medicare-schema';
import type { ProcedureDefinition } from '../estimate/procedure-schema';
import type { Estimate, ProviderRole } from '../estimate/types';
import { billingRoles, type BillingRole } from '../case/enums';
import { MAX_CASE_CENTS } from '../money';
import type { Result } from '../result';
import type { LockableSetting } from '../policy';
import { settingsPatchSchema, sharedRecordsSettingsSchema, type Settings, type SharedRecordsSettings } from '../settings';

/** A channel: a runtime schema for the request, a compile-time type for the response. */
interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Never read at run time: carries the response type. */
  response?: Res;
}
const channel = <Res>() => <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request });

const none = z.undefined();

/**
 * A case request: the renderer sends a CaseInput; the handler receives it untouched and
 * runs core's validateCase on it, which needs today's date and the procedure catalog. The
 * case is validated there, once, by the same function the headless commands use.
 */
const caseRequest = z.unknown() as z.ZodType<unknown, CaseInput>;

/** What the renderer keeps while staff type: raw field text, so nothing typed is lost. */
export const draftSchema = z.record(z.string().max(64), z.union([z.string().max(2000), z.boolean()]));
export type Draft = z.infer<typeof draftSchema>;

export const configTextSchema = z.object({ text: z.string().max(2_000_000) });

/** Which rate year's figures to show; left out: this calendar year's (or the latest earlier file). */
const medicareRatesRequest = z.object({ rateYear: z.number().int().min(2000).max(2100).optional() }).strict();

export interface SettingsState {
  settings: Settings;
  /** Set when the settings file was unreadable and moved aside: say so to the user. */
  notice: string | null;
  /** The file could not be read (locked, no permission): the notice offers Try again (settings:retry-read). */
  canRetry: boolean;
  /** The parts of Settings the machine policy locks: shown read-only, saying why. */
  locked: LockableSetting[];
}

export interface FeeLineView {
  id: string;
  code: string;
  description: string;
  provider: ProviderRole;
  /** Scheduled and billed separately (pre-procedure imaging): not in the procedure total. */
  separatelyScheduled: boolean;
  defaultLowCents: number;
  defaultHighCents: number;
  lowCents: number;
  highCents: number;
}

export interface FeeScheduleView {
  procedureId: string;
  lines: FeeLineView[];
  /** Combinations (1-3 levels) whose total leaves the published range with these fees. */
  outOfRange: { description: string; lowCents: number; highCents: number }[];
  referenceRange: { low: number; high: number };
}

/** One Medicare figure as Settings -> Medicare rates shows it. */
export interface MedicareFigureView {
  id: string;
  label: string;
  unit: FigureUnit;
  /** The national figure shipped in the rate file; null when the app does not have it. */
  nationalValue: number | null;
  /** The clinic's own amount, when it entered one. */
  clinicValue: number | null;
  source: string;
  /** false: no public source confirmed the national figure. */
  confirmed: boolean;
}

export interface MedicareRatesView {
  procedureId: string;
  /** The rate year shown: this year's file, or the latest earlier one. */
  rateYear: number;
  /** The calendar year today (differs from rateYear when the app has no file for it yet). */
  currentYear: number;
  /** Every rate year the app has a file for, oldest first (the clinic's amounts are kept per year). */
  years: number[];
  figures: MedicareFigureView[];
}

export interface PacketPdf {
  /** The PDF, base64 (transport-neutral: IPC and the preview bridge carry it alike). */
  pdfBase64: string;
  /** Suggested file name: <Last>-<First>-<procedure slug>-<YYYY-MM-DD>.pdf */
  fileName: string;
  reference: string;
}

/** A record's id (the store's own, not the printed reference). */
const recordId = z.string().regex(/^[0-9a-f]{32}$/, 'Choose a record from the list.');
const recordRequest = z.object({ id: recordId }).strict();
export const recordSearchSchema = z.object({ query: z.string().max(200, 'Use at most 200 characters.') }).strict();
/** What each provider actually billed, once known (cents; a provider left out is not known yet). */
export const recordBillsSchema = z
  .object({
    id: recordId,
    bills: z.array(z.object({ role: z.enum(billingRoles), billedCents: z.number().int().min(0).max(MAX_CASE_CENTS) }).strict()).max(billingRoles.length),
  })
  .strict();

/** Is the records store open, and what start-up found (purged, unreadable, a broken audit chain)? */
export interface RecordsStatus {
  available: boolean;
  /** Why records are not kept (no OS key store, the key cannot be read): plain words. */
  reason: string | null;
  /** Records removed at start-up because they were older than the retention period. */
  purged: number;
  /** References of records that could not be read (tampered or damaged); the others are fine. */
  unreadable: string[];
  /** The audit trail's check at start-up: null when every link holds. */
  auditProblem: string | null;
  /** Records on the clinic's shared server (machine policy): its name, whether it answers now, and how many records wait on this PC to be sent. null: this PC's own records. */
  shared: null | { server: string; connected: boolean; waiting: number };
}

/** One provider's estimate on a record, and what it billed once staff enter it. */
export interface RecordProviderView {
  role: BillingRole;
  /** The provider's name on the estimate (Good Faith Estimate) or its role's label. */
  name: string;
  /** Good Faith Estimate: the provider's total (high end); otherwise the provider's estimated charges (high end), to compare with its bill. */
  estimatedCents: number;
  billedCents: number | null;
  /** billed - estimated, once billed. */
  differenceCents: number | null;
  /** A Good Faith Estimate provider billing $400 or more above its total: the patient may dispute. */
  disputeRisk: boolean;
}

/** A row of Past estimates: nothing here is written anywhere in plaintext; it is read from the sealed record. */
export interface RecordRow {
  id: string;
  reference: string;
  kind: 'estimate' | 'good-faith-estimate';
  patientName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** ISO date-time the packet was issued. */
  issuedAt: string;
  preparedBy: string;
  /** What the patient may owe (low-high), or the Good Faith Estimate's total (low = high). */
  patientCents: { low: number; high: number };
  /** The reference of the record this one replaces, and of the one that replaced it. */
  revises: string | null;
  revisedBy: string | null;
  providers: RecordProviderView[];
}

export interface RecordSearchResult {
  rows: RecordRow[];
  /** Records that matched beyond the rows returned (the newest come first). */
  more: number;
  /** Set when counting stopped (the shared store counts up to SEARCH_COUNT_LIMIT matches): at least `more` more matched. */
  moreAtLeast?: true;
  /** References of records that could not be read. */
  unreadable: string[];
}

/** What Revise opens: the case as it was entered, to fill the form. */
export interface RecordRevision {
  id: string;
  reference: string;
  caseInput: CaseInput;
}

export interface ConfigImportPreview {
  /** One line per setting that would change, "Clinic name: Old -> New". */
  changes: string[];
  /** The sections the file would change that the machine policy locks: kept as IT set them. */
  lockedKept: string[];
}

/** Settings → Shared records: where this PC keeps its records and what it holds to reach them (never the key or the password). */
export interface SharedRecordsView extends SharedRecordsSettings {
  /** Set by the machine policy IT put on this PC (read-only here), or chosen in this PC's Settings. */
  source: 'policy' | 'settings';
  /** The clinic key kept on this PC, by its id; null when none is kept. */
  keyId: string | null;
  /** A database password is saved on this PC (it is never sent here). */
  passwordSaved: boolean;
  /** What is chosen differs from what the app started with: used from the next start. */
  restartNeeded: boolean;
}

export const clinicKeyImportSchema = z.object({ text: z.string().max(10_000, 'This file is too large to be a clinic key file.'), fileName: z.string().max(255) }).strict();
export const recordsPasswordSchema = z.object({ password: z.string().min(1, "Enter this computer's database password.").max(1000, 'Use at most 1000 characters.') }).strict();

export const channels = {
  'settings:get': channel<SettingsState>()(none),
  'settings:update': channel<Settings>()(settingsPatchSchema),
  'settings:retry-read': channel<SettingsState>()(none),
  'procedures:list': channel<readonly ProcedureDefinition[]>()(none),
  'fees:get': channel<FeeScheduleView>()(none),
  'medicare:rates': channel<MedicareRatesView>()(medicareRatesRequest),
  'estimate:compute': channel<Estimate>()(caseRequest),
  'packet:preview': channel<PacketPdf>()(caseRequest),
  // `recorded`: the issued packet was kept on record (Past estimates); false where records are not kept.
  // `waiting`: kept on this PC until the clinic's shared server answers (then in Past estimates everywhere).
  'packet:print': channel<{ printed: boolean; recorded: boolean; waiting: boolean }>()(caseRequest),
  'packet:save-pdf': channel<{ saved: false } | { saved: true; path: string; recorded: boolean; waiting: boolean }>()(caseRequest),
  'config:export': channel<{ saved: false } | { saved: true; path: string }>()(none),
  'config:import-preview': channel<ConfigImportPreview>()(configTextSchema),
  'config:import-apply': channel<Settings>()(configTextSchema),
  'records:status': channel<RecordsStatus>()(none),
  'records:search': channel<RecordSearchResult>()(recordSearchSchema),
  'records:reprint': channel<{ printed: boolean }>()(recordRequest),
  'records:save-again': channel<{ saved: false } | { saved: true; path: string }>()(recordRequest),
  'records:revise': channel<RecordRevision>()(recordRequest),
  'records:delete': channel<null>()(recordRequest),
  'records:set-bills': channel<RecordRow>()(recordBillsSchema),
  'shared-records:get': channel<SharedRecordsView>()(none),
  'shared-records:save': channel<SharedRecordsView>()(sharedRecordsSettingsSchema),
  'shared-records:import-key': channel<SharedRecordsView>()(clinicKeyImportSchema),
  'shared-records:create-key': channel<{ saved: false } | { saved: true; path: string; keyId: string }>()(none),
  'shared-records:set-password': channel<SharedRecordsView>()(recordsPasswordSchema),
  'draft:get': channel<Draft | null>()(none),
  'draft:save': channel<null>()(draftSchema),
  'draft:clear': channel<null>()(none),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export const channelNames = Object.keys(channels) as Channel[];

export type RequestOf<C extends Channel> = z.input<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = NonNullable<Channels[C]['response']> extends never
  ? null
  : Exclude<Channels[C]['response'], undefined>;

/** Why the OS signalled that no one is at the PC: its screen locked, or it is going to sleep. */
export type OsLockReason = 'lock-screen' | 'suspend';

/** Events main pushes to the renderer (past tense). */
export interface Events {
  'settings:changed': Settings;
  /** The OS locked the screen or is suspending: the renderer covers patient data (privacy screen). */
  'privacy:os-locked': { reason: OsLockReason };
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['settings:changed', 'privacy:os-locked'];

export function isEventName(name: unknown): name is EventName {
  return eventNames.some((event) => event === name);
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export type Invoke = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
export type Subscribe = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;
