/**
 * Schema of a packet content template: `templates/<procedureId>/content.<lang>.json`.
 * Pure (zod only): shared by the loader (electron/services/content-loader.ts), the packet
 * document builder and tests.
 *
 * A template holds, in one language:
 * - `language`, `procedureId`, and `reviewStatus` (`needsTranslatorReview` is true for any
 *   translation not yet checked by a qualified medical translator; `note` says so);
 * - `title`, `subtitle`: the cover heading;
 * - `labels`: every fixed string the PDF prints (cover, estimate table, insurance costs,
 *   Good Faith Estimate disclaimers, consent headings and signature lines, footer).
 *   Placeholders in braces are filled by the packet builder: `{page}`, `{pages}`;
 *   `labels.document.translationNotice` is printed when `needsTranslatorReview` is true;
 * - `sections`: the patient-education sections, in the fixed order of `sectionIds`
 *   (the `faqs` section holds the heading and intro; its questions are in `faqs`);
 * - `faqs`, `consent` (informed-consent page text) and `changes` (what the template
 *   changed from the seed page, why, and the source: kept for review, never printed).
 */
import { z } from 'zod';
import { coverageKinds, languages, placesOfService, providerRoles, sedations, type Language } from '../case/enums';
import type { FieldIssue } from '../result';

/** The packet languages are the case's languages: one template per language. */
export const contentLanguages = languages;
export type ContentLanguage = Language;

/** Section ids, in the order the packet prints them. */
export const sectionIds = [
  'overview',
  'when-used',
  'symptoms',
  'causes',
  'tests-before',
  'what-happens',
  'preparation',
  'recovery',
  'complications',
  'follow-up',
  'alternatives',
  'home-care',
  'prevention',
  'faqs',
] as const;
export type SectionId = (typeof sectionIds)[number];

/** Wrong-type message: a missing field is "Required"; other issues keep zod's message. */
const typeError =
  (expected: string) =>
  (issue: { code?: string; input?: unknown }): string | undefined =>
    issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'Required' : `Expected ${expected}`;

/** A required, non-blank string. */
const text = z.string({ error: typeError('text') }).refine((value) => value.trim() !== '', 'Must not be blank');

/** A string that may be empty (a label not used in this language). */
const optionalText = z.string({ error: typeError('text') });

const list = <T extends z.ZodType>(item: T, min: number) =>
  z.array(item, { error: typeError('a list') }).min(min, `At least ${min} needed`);
const textList = (min: number) => list(text, min);

const group = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: typeError('an object') });
/** One text per value of a core enumeration: a value added in core needs its words in every template. */
const labelsFor = <K extends string>(values: readonly K[]) =>
  group(Object.fromEntries(values.map((value) => [value, text])) as Record<K, typeof text>);

const documentLabels = group({
  /** Printed on the cover when the translation awaits review; may be empty otherwise. */
  translationNotice: optionalText,
  /** "Page {page} of {pages}" */
  pageOfPages: text,
  patient: text,
  dateOfBirth: text,
  notAvailable: text,
  /** "Estimate of {date}": every page's footer, so each estimate page carries its date. */
  estimateDate: text,
});

const coverLabels = group({
  preparedFor: text,
  patientName: text,
  procedure: text,
  /** The procedure in plain words. */
  procedurePlain: text,
  /** Short name for the large-print cover, where the title already explains it. */
  procedureShort: text,
  procedureCodes: text,
  levels: text,
  scheduledDate: text,
  notScheduled: text,
  datePrepared: text,
  referenceNumber: text,
  phone: text,
  keepThisPacket: text,
  /** Money before the day (shown only when there is some): "Due before your procedure", the payment plan. */
  dueBeforeProcedure: text,
  paymentPlan: text,
  monthlyPaymentsOf: text,
  lastPayment: text,
  /** The boxed summary on page 1: "You may owe about {amount}", the GFE total, what insurance pays, what is not included, whom to call. */
  summaryHeading: text,
  youMayOwe: text,
  gfeTotal: text,
  gfeTotalNote: text,
  insuranceMayPay: text,
  medicareMayPay: text,
  otherPlanMayPay: text,
  notIncluded: text,
  questionsCall: text,
  questions: text,
  /** A revised estimate: "Replaces" + the earlier one's reference and date. */
  replaces: text,
});

const estimateLabels = group({
  heading: text,
  intro: text,
  provider: text,
  code: text,
  service: text,
  quantity: text,
  low: text,
  high: text,
  included: text,
  totalCharges: text,
  diagnosisCodes: text,
  separatelyScheduled: text,
  separatelyScheduledIntro: text,
  providers: labelsFor(providerRoles),
  sites: labelsFor(placesOfService),
  sedation: labelsFor(sedations),
});

const insuranceLabels = group({
  heading: text,
  payer: text,
  memberId: text,
  network: text,
  inNetwork: text,
  outOfNetwork: text,
  allowedAmount: text,
  /** The allowed amount was not entered: the estimate used the charges. */
  allowedUnknown: text,
  /** Out of network and not entered: the estimate shows the full charges. */
  allowedUnknownOutOfNetwork: text,
  /** Row label for charges above the allowed amount (out of network). */
  balanceBillPart: text,
  deductibleRemaining: text,
  coinsurance: text,
  copay: text,
  outOfPocketRemaining: text,
  noOutOfPocketMax: text,
  howWeFiguredIt: text,
  copayPart: text,
  deductiblePart: text,
  coinsurancePart: text,
  capApplied: text,
  youMayOwe: text,
  insuranceMayPay: text,
  outOfNetworkWarning: text,
  /** Must say plainly that this is an estimate and the plan decides the final amount. */
  planDecides: text,
  coverageKinds: labelsFor(coverageKinds),
  /** Medicare and Medicare Advantage: "allowed" is Medicare's approved amount. */
  medicareApprovedAmount: text,
  noOutOfPocketMaxMedicare: text,
  /** What stands behind Original Medicare: "Medigap Plan" + the plan letter, "(high deductible)", Medicaid, another plan. */
  supplement: text,
  medigapPlan: text,
  highDeductible: text,
  medicaidQmb: text,
  medicaidNotQmb: text,
  otherPlan: text,
  /** A plan figure the patient's plan did not give (a typical value): never printed as theirs. */
  typicalValue: text,
  /** The per-provider table. */
  byProvider: text,
  providerColumn: text,
  approvedColumn: text,
  medicarePaysColumn: text,
  planPaysColumn: text,
  supplementPaysColumn: text,
  youPayColumn: text,
  /** Breakdown row: what the second plan pays of the parts above (printed as a minus). */
  supplementPart: text,
  medicareNote: text,
  hospitalCapNote: text,
  qmbNote: text,
  advantageNote: text,
  /** Original Medicare pays first: "Medicare may pay" instead of "Your plan may pay". */
  medicareMayPay: text,
  /** A facility whose Medicare payment the app does not have yet: its charges stand in. */
  chargesUsed: text,
  facilityChargesNote: text,
  /** A payer contract gave the allowed amounts. */
  contractedRates: text,
});

/** Good Faith Estimate (45 CFR 149.610, CMS-10791): one label per required element and disclaimer. */
const goodFaithLabels = group({
  heading: text,
  intro: text,
  primaryService: text,
  estimateDate: text,
  diagnosis: text,
  /** "{codes}: the usual codes ...": printed when the diagnosis is not known yet. */
  expectedDiagnosis: text,
  /** How one expected charge per line is chosen from the usual range (the high end). */
  howChargesChosen: text,
  npi: text, tin: text, address: text, location: text, doctor: text,
  /** Each block's kind of provider: the clinic, the hospital or surgery center, the anesthesia group. */
  kinds: group({ clinic: text, 'hospital-outpatient': text, asc: text, anesthesia: text }),
  /** An anesthesia group not entered in Settings: named as billing separately, with a request for its own estimate. */
  unnamedAnesthesia: text,
  billedSeparately: text,
  diagnosisColumn: text, quantityColumn: text, expectedCharge: text, includedCharge: text,
  /** "Total for {provider}" */
  providerTotal: text,
  summaryHeading: text,
  overallTotal: text,
  /** "Self-pay discount ({rate}%)" */
  selfPayDiscount: text,
  disclaimerOtherItems: text,
  disclaimerEstimateOnly: text,
  disclaimerDisputeRight: text,
  disclaimerHowToLearn: text,
  disclaimerQualityOfCare: text,
  disclaimerNotContract: text,
  disclaimerRevised: text,
  /** The right to ask about a payment plan or financial help; "{phone}" when the clinic has one. */
  paymentHelp: text,
  paymentHelpCall: text,
  /** A revised Good Faith Estimate says so: "{date}", "{reference}" of the one it replaces. */
  replaces: text,
  keepCopy: text,
});

const consentLabels = group({
  heading: text,
  procedure: text,
  risks: text,
  benefits: text,
  alternatives: text,
  riskOfDoingNothing: text,
  questions: text,
  questionsAnsweredBy: text,
  initialEach: text,
  initials: text,
  signatureHeading: text,
  signature: text,
  printedName: text,
  date: text,
  time: text,
  patientOrRepresentative: text,
  representativeRelationship: text,
  physician: text,
  witness: text,
  interpreter: text,
  interpreterLanguage: text,
  /** The risk headings: serious ones first, then the others, then the chosen sedation's own. */
  seriousRisks: text, otherRisks: text, sedationRisks: text,
  /** Before a writing line, when no doctor was chosen on the form. */
  doctorToBeNamed: text,
});

const labelsSchema = group({
  document: documentLabels,
  cover: coverLabels,
  estimate: estimateLabels,
  insurance: insuranceLabels,
  goodFaith: goodFaithLabels,
  consent: consentLabels,
});

const sectionSchema = group({
  id: z.enum(sectionIds, { error: `Must be one of: ${sectionIds.join(', ')}` }),
  heading: text,
  intro: text.optional(),
  items: textList(0),
  paragraphs: textList(1).optional(),
});

const alternativeSchema = group({ name: text, benefits: text, risks: text });

const consentSchema = group({
  intro: text,
  /** "{levels}" is `levelsOne` or `levelsMany` ("{count} spine bones"). */
  procedure: text,
  levelsOne: text,
  levelsMany: text,
  /** "{doctor}": the performing doctor chosen on the form. */
  doctor: text,
  /** "{items}": what the procedure's code already includes (from the estimate's included lines). */
  includedWith: text,
  /** One sentence on the numbing / sedation / anesthesia chosen for this case. */
  sedation: labelsFor(sedations),
  /** Called serious in the packet, listed first. */
  seriousRisks: textList(1),
  risks: textList(1),
  /** Only the chosen sedation's risks are printed. */
  sedationRisks: group(Object.fromEntries(sedations.map((v) => [v, textList(1)])) as Record<(typeof sedations)[number], ReturnType<typeof textList>>),
  /** The statement to initial for the chosen sedation, before the last statement. */
  sedationStatement: labelsFor(sedations),
  benefits: textList(1),
  alternatives: list(alternativeSchema, 1),
  riskOfDoingNothing: text,
  statementsToInitial: textList(1),
  interpreterStatement: text,
});

export const packetContentSchema = group({
  language: z.enum(contentLanguages, { error: 'Must be "en" or "es"' }),
  procedureId: text,
  reviewStatus: group({ needsTranslatorReview: z.boolean({ error: 'Must be true or false' }), note: text }),
  title: text,
  subtitle: text,
  labels: labelsSchema,
  /**
   * Plain-language names for the estimate table, by `provider:code` ("facility:<code>") or
   * by code alone ("<code>"); see `serviceNameFor`.
   */
  serviceNames: z.record(
    z.string().regex(/^(?:(?:facility|physician|anesthesia|imaging):)?\d{5}$/, 'Must be a 5-digit code, or provider:code'),
    text,
    { error: typeError('an object') },
  ),
  sections: list(sectionSchema, 0),
  faqs: list(group({ question: text, answer: text }), 1),
  consent: consentSchema,
  /** Plain-language names of diagnosis codes (ICD-10-CM), in this language; the procedure's usual ones must all be here. */
  diagnosisNames: z.record(z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'Must be an ICD-10-CM code'), text, { error: typeError('an object') }),
  changes: list(group({ what: text, why: text, source: text }), 1),
}).superRefine((content, ctx) => {
  sectionIds.forEach((id, index) => {
    const section = content.sections[index];
    if (section?.id !== id) {
      ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `Expected section "${id}" here` });
    } else if (id !== 'faqs' && section.items.length === 0 && (section.paragraphs?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['sections', index, 'items'], message: 'A section needs items or paragraphs' });
    }
  });
  if (content.sections.length > sectionIds.length) {
    ctx.addIssue({ code: 'custom', path: ['sections', sectionIds.length], message: 'Unexpected extra section' });
  }
  if (content.reviewStatus.needsTranslatorReview && content.labels.document.translationNotice.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['labels', 'document', 'translationNotice'],
      message: 'Required when the translation needs review',
    });
  }
});

export type PacketContent = z.infer<typeof packetContentSchema>;
export type PacketSection = PacketContent['sections'][number];
export type PacketLabels = PacketContent['labels'];

export type ParseContentResult = { ok: true; value: PacketContent } | { ok: false; issues: FieldIssue[] };

/**
 * Validate a parsed JSON template. Each issue's `path` is the dotted field
 * (`sections.3.heading`); its `message` names the file and field too
 * (`content.es.json: sections.3.heading: Required`) so it can be shown on its own.
 */
export function parsePacketContent(data: unknown, fileLabel: string): ParseContentResult {
  const parsed = packetContentSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(file)';
      return { path, message: `${fileLabel}: ${path}: ${issue.message}` };
    }),
  };
}

/**
 * The patient-facing name of an estimate line in the template's language: by provider and
 * code first (a facility's primary code is its facility fee), then by code, else the engine's text.
 */
export function serviceNameFor(
  content: Pick<PacketContent, 'serviceNames'>,
  line: { code: string; provider: string; description: string },
): string {
  return content.serviceNames[`${line.provider}:${line.code}`] ?? content.serviceNames[line.code] ?? line.description;
}

/** Fill `{name}` placeholders in a label ("Page {page} of {pages}"). Unknown names stay. */
export function fillLabel(label: string, values: Readonly<Record<string, string | number>>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
