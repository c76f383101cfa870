/**
 * Preview, print and save of the packet. Each first checks the whole form (focus goes to the
 * first problem) and, for a Good Faith Estimate, the settings it needs (core's checkPacketReady
 * on the live estimate), then asks the main side, which checks again; its answer is shown in
 * plain words and the form stays as it was. Issuing (printed or saved) clears the draft.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Estimate } from '../../../core/estimate/types';
import type { Settings } from '../../../core/settings';
import type { AppError } from '../../../core/result';
import { isGoodFaithEstimateKind } from '../../../core/estimate/coverage-presets';
import { announcePacketIssued } from '../lib/packet-issued';
import { caseJsonFor } from './form-case-json';
import { packetErrorText } from './packet-error-text';
import { packetBlock, packetReadinessIssues, type PacketBlock } from './packet-readiness';
import { withRevises, type Revising } from './revision';
import type { EstimateForm } from './use-estimate-form';

export type PacketAction = 'preview' | 'print' | 'save';

export interface PacketActionsState {
  busy: PacketAction | null;
  message: string | null;
  error: string | null;
  /** The Good Faith Estimate needs details from Settings (the clinic's, the surgery center's...): what, and where. */
  blocked: PacketBlock | null;
  /** The packet shown, and the form values it was made from. */
  preview: { url: string; fileName: string; values: EstimateForm['values'] } | null;
  /** Values at the moment the packet was issued (draft cleared); null once edited again. */
  issued: EstimateForm['values'] | null;
  /** The issued packet was kept on record (Past estimates). */
  recorded: boolean;
  /** Kept on this PC until the clinic's shared server answers. */
  waiting: boolean;
  /** An action finished with a message: focus goes to it (a new object each time, so a repeat counts). */
  settled: { focus: 'status' | 'alert' } | null;
}

function pdfObjectUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

const idle: PacketActionsState = { busy: null, message: null, error: null, blocked: null, preview: null, issued: null, recorded: false, waiting: false, settled: null };
const toStatus = { focus: 'status' } as const;
const toAlert = { focus: 'alert' } as const;

/**
 * `estimate`: the live estimate on screen (null while there is none); the main side checks again
 * either way. `revising`: the record these packets replace (Past estimates → Revise), or null.
 */
export function usePacketActions(form: EstimateForm, settings: Settings, estimate: Estimate | null, revising: Revising | null) {
  const [state, setState] = useState<PacketActionsState>(idle);
  const previewUrl = state.preview?.url;
  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const showError = useCallback(
    (error: AppError) => {
      if (error.code === 'missing-clinic-details') {
        setState((s) => ({ ...s, busy: null, blocked: packetBlock(error.issues, error.message) }));
      } else if (error.code === 'invalid-input' && error.issues.length > 0) {
        const highlighted = form.revealErrors(error.issues);
        setState((s) => ({ ...s, busy: null, error: packetErrorText(error.message, highlighted) }));
      } else if (error.code === 'cancelled') {
        setState((s) => ({ ...s, busy: null, message: 'Nothing was done: the window was closed.', settled: { ...toStatus } }));
      } else {
        setState((s) => ({ ...s, busy: null, error: error.message, settled: { ...toAlert } }));
      }
    },
    [form],
  );

  const run = useCallback(
    async (action: PacketAction) => {
      setState((s) => ({ ...s, message: null, error: null, blocked: null }));
      const first = form.revealErrors();
      if (first) {
        const count = Object.values(form.errors).filter(Boolean).length;
        setState((s) => ({ ...s, error: `Please check the highlighted field${count === 1 ? '' : 's'} before the packet is made.` }));
        return;
      }
      const notReady = packetReadinessIssues(estimate, isGoodFaithEstimateKind(form.values.coverageKind), settings, form.values.site);
      if (notReady.length > 0) {
        setState((s) => ({ ...s, blocked: packetBlock(notReady) }));
        return;
      }
      setState((s) => ({ ...s, busy: action }));
      const input = withRevises(caseJsonFor(form.values, form.edited, { procedure: form.procedure }), revising);
      if (action === 'preview') {
        const r = await window.clinic.packet.preview(input);
        if (!r.ok) return showError(r.error);
        const url = pdfObjectUrl(r.value.pdfBase64);
        setState((s) => ({ ...s, busy: null, preview: { url, fileName: r.value.fileName, values: form.values } }));
        return;
      }
      const issued = form.values;
      if (action === 'print') {
        const r = await window.clinic.packet.print(input);
        if (!r.ok) return showError(r.error);
        if (!r.value.printed) return setState((s) => ({ ...s, busy: null, message: 'Printing was cancelled; nothing was printed.', settled: { ...toStatus } }));
        await window.clinic.draft.clear();
        const { recorded, waiting } = r.value;
        announcePacketIssued();
        setState((s) => ({ ...s, busy: null, issued, recorded, waiting, message: 'The packet was sent to the printer.', settled: { ...toStatus } }));
        return;
      }
      const r = await window.clinic.packet.savePdf(input);
      if (!r.ok) return showError(r.error);
      if (!r.value.saved) return setState((s) => ({ ...s, busy: null, message: 'Not saved: the save window was closed.', settled: { ...toStatus } }));
      const savedTo = `Saved to ${r.value.path}`;
      const { recorded, waiting } = r.value;
      await window.clinic.draft.clear();
      announcePacketIssued();
      setState((s) => ({ ...s, busy: null, issued, recorded, waiting, message: savedTo, settled: { ...toStatus } }));
    },
    [form, settings, estimate, revising, showError],
  );

  const closePreview = useCallback(() => setState((s) => ({ ...s, preview: null })), []);
  const resetActions = useCallback(() => setState(idle), []);
  // A preview of values since edited would show a packet that is no longer true: hide it
  // (the PDF viewer's print button would otherwise print the old figures).
  const current = state.preview !== null && state.preview.values !== form.values ? { ...state, preview: null } : state;
  return { state: current, run, closePreview, resetActions };
}
