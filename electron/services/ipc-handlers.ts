/**
 * The main-process behaviour behind every channel, with the OS and Electron passed in as
 * capabilities, so the same code runs in the app, the browser preview and the tests.
 */
import type { FeeScheduleView } from '../../core/ipc/contract';
import type { Case, Estimate } from '../../core/estimate/types';
import { fail, ok, toFieldIssues, type Result } from '../../core/result';
import { clinicConfigFileSchema, SETTINGS_VERSION, type ClinicProfile, type OtherProviders, type Settings } from '../../core/settings';
import { describeSettingsChanges } from '../../core/settings-diff';
import type { DraftStore } from './draft-store';
import type { Handlers } from './ipc-dispatch';
import type { SettingsService } from './settings-service';

export interface EstimateCapability {
  estimate(raw: unknown, settings: Settings, today: string): Result<{ case: Case; estimate: Estimate }>;
  fees(settings: Settings): FeeScheduleView;
}

export interface PacketCapability {
  build(input: {
    caseData: Case;
    estimate: Estimate;
    clinic: ClinicProfile;
    otherProviders: OtherProviders;
    preparedDate: string;
  }): Promise<Result<{ pdf: Uint8Array; fileName: string; reference: string }>>;
}

export type SaveOutcome = { saved: false } | { saved: true; path: string };

export interface HandlerDeps {
  settings: SettingsService;
  drafts: DraftStore;
  estimates: EstimateCapability;
  packets: PacketCapability;
  /** Today's local date, YYYY-MM-DD. */
  today: () => string;
  /** Ask where (save dialog in the app), then write atomically. Throws on write failure. */
  saveFile: (suggestedName: string, data: Uint8Array, kind: 'pdf' | 'config') => Promise<SaveOutcome>;
  /** Open the system print dialog for the PDF. */
  printPdf: (pdf: Uint8Array, fileName: string) => Promise<{ printed: boolean }>;
  /** Who did what, without patient data: "packet saved VP-20261129-7K3Q9". */
  audit: (action: 'packet-saved' | 'packet-printed' | 'config-imported' | 'config-exported', reference: string) => void;
  settingsChanged: (settings: Settings) => void;
  describeWriteError: (error: unknown) => string;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function parseConfigText(text: string): Result<Settings> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('invalid-input', 'This file is not a clinic configuration file (it is not valid JSON).');
  }
  const parsed = clinicConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const versionIssue = parsed.error.issues.find((i) => i.path[0] === 'version');
    const issues = toFieldIssues(parsed.error.issues);
    const problems = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join(' ');
    const message = versionIssue
      ? `This configuration file is from a different version (this app reads version ${SETTINGS_VERSION}).`
      : `This file is not a valid clinic configuration file; nothing was changed. ${problems}`;
    return fail('invalid-input', message, issues);
  }
  return ok(parsed.data.settings);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const buildPacket = async (raw: unknown) => {
    const settings = deps.settings.get();
    const computed = deps.estimates.estimate(raw, settings, deps.today());
    if (!computed.ok) return computed;
    return deps.packets.build({
      caseData: computed.value.case,
      estimate: computed.value.estimate,
      clinic: settings.clinic,
      otherProviders: settings.otherProviders,
      preparedDate: deps.today(),
    });
  };

  const writeOut = async (name: string, data: Uint8Array, kind: 'pdf' | 'config'): Promise<Result<SaveOutcome>> => {
    try {
      return ok(await deps.saveFile(name, data, kind));
    } catch (error) {
      return fail('write-failed', deps.describeWriteError(error));
    }
  };

  return {
    'settings:get': async () => ok({ settings: deps.settings.get(), notice: deps.settings.notice }),
    'settings:update': async (patch) => {
      const next = deps.settings.update(patch);
      deps.settingsChanged(next);
      return ok(next);
    },
    'fees:get': async () => ok(deps.estimates.fees(deps.settings.get())),
    'estimate:compute': async (raw) => {
      const computed = deps.estimates.estimate(raw, deps.settings.get(), deps.today());
      return computed.ok ? ok(computed.value.estimate) : computed;
    },
    'packet:preview': async (raw) => {
      const built = await buildPacket(raw);
      if (!built.ok) return built;
      const { pdf, fileName, reference } = built.value;
      return ok({ pdfBase64: toBase64(pdf), fileName, reference });
    },
    'packet:print': async (raw) => {
      const built = await buildPacket(raw);
      if (!built.ok) return built;
      const outcome = await deps.printPdf(built.value.pdf, built.value.fileName);
      if (outcome.printed) {
        deps.audit('packet-printed', built.value.reference);
        await deps.drafts.clear();
      }
      return ok(outcome);
    },
    'packet:save-pdf': async (raw) => {
      const built = await buildPacket(raw);
      if (!built.ok) return built;
      const saved = await writeOut(built.value.fileName, built.value.pdf, 'pdf');
      if (saved.ok && saved.value.saved) {
        deps.audit('packet-saved', built.value.reference);
        await deps.drafts.clear();
      }
      return saved;
    },
    'config:export': async () => {
      const file = {
        kind: 'clinic-estimate-packet/config' as const,
        version: SETTINGS_VERSION,
        exportedAt: new Date().toISOString(),
        settings: deps.settings.get(),
      };
      const bytes = new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
      const saved = await writeOut(`clinic-configuration-${deps.today()}.json`, bytes, 'config');
      if (saved.ok && saved.value.saved) deps.audit('config-exported', 'settings');
      return saved;
    },
    'config:import-preview': async ({ text }) => {
      const parsed = parseConfigText(text);
      if (!parsed.ok) return parsed;
      const current = deps.settings.get();
      const feeNames = Object.fromEntries(deps.estimates.fees(current).lines.map((line) => [line.id, `${line.code} ${line.description}`]));
      return ok({ changes: describeSettingsChanges(current, parsed.value, feeNames) });
    },
    'config:import-apply': async ({ text }) => {
      const parsed = parseConfigText(text);
      if (!parsed.ok) return parsed;
      const next = deps.settings.replace(parsed.value);
      deps.audit('config-imported', 'settings');
      deps.settingsChanged(next);
      return ok(next);
    },
    'draft:get': async () => ok(await deps.drafts.get()),
    'draft:save': async (draft) => {
      await deps.drafts.save(draft);
      return ok(null);
    },
    'draft:clear': async () => {
      await deps.drafts.clear();
      return ok(null);
    },
  };
}
