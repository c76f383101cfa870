/**
 * The New estimate screen: the form (patient, coverage, procedure, packet) with the live
 * summary beside it and the packet actions under the summary.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import { goodFaithTiming } from '../../../core/estimate/good-faith-timing';
import type { Settings } from '../../../core/settings';
import { ConfirmDialog } from '../lib/confirm-dialog';
import { parseDateText, todayIso } from '../lib/text-parsers';
import type { SettingsFocus } from '../settings/settings-screen';
import { settingsFieldIds } from '../settings/settings-fields';
import { isGoodFaithEstimateKind } from '../../../core/estimate/coverage-presets';
import { ClinicProfileNotice } from './clinic-profile-notice';
import { caseJsonFor } from './form-case-json';
import { blockingLabels, blocksEstimate, initialValues } from './form-model';
import { EstimateFormFields } from './estimate-form-fields';
import { EstimateSummary } from './estimate-summary';
import { issuedNotice } from './issued-notice';
import { PacketActions } from './packet-actions';
import { packetReadinessIssues, withoutLetterhead } from './packet-readiness';
import { PacketPreview } from './packet-preview';
import { rememberPreparedBy } from './prepared-by-store';
import { RestoredDraftNotice } from './restored-draft-notice';
import { restoredDraftNotice } from './restored-draft';
import { revisingNotice, type EstimateStart } from './revision';
import { useDraftAutosave } from './use-draft-autosave';
import { fieldId, useEstimateForm } from './use-estimate-form';
import { estimateSettingsKey } from './live-estimate-key';
import { engineIssues, useLiveEstimate } from './use-live-estimate';
import { usePacketActions } from './use-packet-actions';

interface EstimateScreenProps {
  settings: Settings;
  /** The procedure estimated (the catalog's first: the app has one form). */
  procedure: ProcedureDefinition;
  /** What the form opens with: fresh, a draft restored, or a record to revise (read at mount only). */
  initial: EstimateStart;
  /** Opens Settings, focusing the field given (what a Good Faith Estimate needs, Add a doctor). */
  onOpenSettings: (focus: SettingsFocus) => void;
  /** The form holds typed details not yet issued (Revise asks before replacing them). */
  onInUseChange?: (inUse: boolean) => void;
}

const draftText = { none: '', saving: 'Saving draft…', saved: 'Draft saved on this computer', failed: 'The draft could not be saved' };

export function EstimateScreen({ settings, procedure, initial, onOpenSettings, onInUseChange }: EstimateScreenProps) {
  const formState = useEstimateForm(initial, procedure, settings.doctors);
  const { values, edited, errors } = formState;
  const caseJson = useMemo(
    () => (blocksEstimate(errors) ? null : caseJsonFor(values, edited, { procedure }, { estimateOnly: true, errors })),
    [errors, values, edited, procedure],
  );
  const live = useLiveEstimate(caseJson, estimateSettingsKey(settings));
  // The engine's field problems, only while they are about the values now in the form.
  const form = formState.withEngineIssues(engineIssues(live));
  const [revising, setRevising] = useState(initial.revising);
  const draft = useDraftAutosave(values, edited, revising);
  const estimate = live.status === 'ready' ? live.estimate : null;
  const actions = usePacketActions(form, settings, estimate, revising);
  const goodFaithKind = isGoodFaithEstimateKind(values.coverageKind);
  // Said before staff try to print: what Settings still lacks for this Good Faith Estimate.
  // (The letterhead's name and phone are asked for once, at the top.)
  const notReady = withoutLetterhead(packetReadinessIssues(estimate, goodFaithKind, settings, values.site), settings.clinic).map((i) => i.message);
  // The day of scheduling (or of the request) is today; a scheduled date with a problem gives no deadline.
  const scheduled = parseDateText(values.scheduledDate);
  const timing = errors.scheduledDate === undefined ? goodFaithTiming(todayIso(), scheduled ?? undefined) : null;
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [restoredText, setRestoredText] = useState(() => (initial.restored ? restoredDraftNotice(initial.values) : null));

  const clearForm = useCallback(() => {
    setConfirmOpen(false);
    setRestoredText(null);
    setRevising(null);
    // Who prepares estimates stays: it is this computer's user, not the patient's.
    form.reset(initialValues(settings.defaults, values.preparedBy));
    actions.resetActions();
    void window.clinic.draft.clear();
  }, [form, actions, settings.defaults, values.preparedBy]);

  const issued = actions.state.issued === values;
  const inUse = edited.size > 0 && !issued;
  useEffect(() => onInUseChange?.(inUse), [inUse, onInUseChange]);
  useEffect(() => rememberPreparedBy(values.preparedBy), [values.preparedBy]);
  // Opened to revise a record: start at the top of the form, on the patient.
  const revisingAtStart = initial.revising !== null && !initial.restored;
  useEffect(() => {
    if (revisingAtStart) document.getElementById(fieldId('firstName'))?.focus();
  }, [revisingAtStart]);
  // Enter in a text field must never submit half a form.
  const preventSubmit = (e: FormEvent) => e.preventDefault();

  return (
    <div className="estimate">
      <form className="estimate__form" aria-label="New estimate" noValidate onSubmit={preventSubmit}>
        <h1 className="screen-title">New estimate</h1>
        <ClinicProfileNotice clinic={settings.clinic} onOpenSettings={onOpenSettings} />
        {restoredText ? (
          <RestoredDraftNotice
            text={restoredText}
            onKeep={() => {
              setRestoredText(null);
              document.getElementById(fieldId('firstName'))?.focus();
            }}
            onClear={() => setConfirmOpen(true)}
          />
        ) : null}
        {revising ? (
          <div className="notice restored-draft" role="status">
            <p className="notice__text">{revisingNotice(revising)}</p>
          </div>
        ) : null}
        <p className="estimate__intro">Type what the insurance card or payer portal shows. The estimate updates as you type.</p>
        <EstimateFormFields form={form} onOpenDoctors={() => onOpenSettings(settingsFieldIds.addDoctor)} />
        <p className="estimate__draft" aria-live="off">
          {issued ? issuedNotice(actions.state.recorded, actions.state.waiting) : (draft.problem ?? draftText[draft.state])}
        </p>
      </form>
      <PacketActions
        state={actions.state}
        onRun={(a) => void actions.run(a)}
        onClearForm={() => setConfirmOpen(true)}
        onOpenSettings={onOpenSettings}
      />
      <div className="estimate__side">
        <EstimateSummary
          live={live}
          goodFaithKind={goodFaithKind}
          blockingLabels={blockingLabels(errors, values.coverageKind, values)}
          notReady={notReady}
          timing={timing}
        />
      </div>
      {actions.state.preview ? (
        <PacketPreview url={actions.state.preview.url} fileName={actions.state.preview.fileName} onClose={actions.closePreview} />
      ) : null}
      <ConfirmDialog
        open={confirmOpen}
        title="Clear the form?"
        confirmLabel="Clear the form"
        cancelLabel="Keep editing"
        destructive
        onConfirm={clearForm}
        onCancel={() => setConfirmOpen(false)}
      >
        <p>Everything typed for this patient will be cleared. Save or print the packet first if you need it.</p>
      </ConfirmDialog>
    </div>
  );
}
