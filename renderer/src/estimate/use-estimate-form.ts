/**
 * State of the New estimate form: raw text per field (nothing typed is ever lost), which
 * fields staff edited (presets never overwrite those), and which fields show their errors.
 * A field's error shows once it is left or on submit, never mid-typing, and always describes
 * the value in it now: it is worked out afresh from the current values each time, and an
 * answer (the engine's, the main side's) about older values is never shown.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { Doctor } from '../../../core/settings';
import { tidyDateText, tidyMoneyText, tidyPercentText, todayIso } from '../lib/text-parsers';
import { fieldDefs, fieldOrder, type FieldName, type FormValues } from './form-fields';
import { applyPreset, firstErrorField, formErrors, issuesByField, type FieldErrors } from './form-model';
import type { FieldIssue } from '../../../core/result';

export const fieldId = (name: FieldName): string => `est-${name}`;

export interface EstimateForm {
  /** The procedure being estimated (from the catalog): its levels, sites and sedations. */
  procedure: ProcedureDefinition;
  /** The clinic's doctors (Settings -> Doctors): the Doctor field's choices. */
  doctors: readonly Doctor[];
  values: FormValues;
  edited: ReadonlySet<FieldName>;
  errors: FieldErrors;
  visibleErrors: FieldErrors;
  setField: <K extends FieldName>(name: K, value: FormValues[K]) => void;
  blurField: (name: FieldName) => void;
  /** Show every error (the form's, the engine's, plus the given server issues); focus the first. Returns its field. */
  revealErrors: (serverIssues?: FieldIssue[]) => FieldName | null;
  reset: (values: FormValues) => void;
}

/** The form before the engine's answer is known; `withEngineIssues` adds the live estimate's field problems. */
export interface EstimateFormState extends EstimateForm {
  /** The form with the engine's problems for the values now in it (engineIssues in use-live-estimate.ts). */
  withEngineIssues: (issues: readonly FieldIssue[]) => EstimateForm;
}

/** The first message per field among `sources` (earlier ones win), for the fields on show. */
function shownErrors(shown: ReadonlySet<FieldName>, sources: readonly FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const name of shown) {
    const message = sources.map((source) => source[name]).find((m) => m !== undefined);
    if (message !== undefined) out[name] = message;
  }
  return out;
}

const allFields: ReadonlySet<FieldName> = new Set(fieldOrder);
const NO_ERRORS: FieldErrors = {};

function tidy(name: FieldName, text: string): string {
  switch (fieldDefs[name].kind) {
    case 'money':
      return tidyMoneyText(text);
    case 'date':
      return tidyDateText(text);
    case 'percent':
      return tidyPercentText(text);
    default:
      return text;
  }
}

export function useEstimateForm(
  initial: { values: FormValues; edited: ReadonlySet<FieldName> },
  procedure: ProcedureDefinition,
  doctors: readonly Doctor[],
): EstimateFormState {
  const [values, setValues] = useState<FormValues>(initial.values);
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(initial.edited);
  // Fields left (or revealed on submit) since they were last edited: their messages are on show.
  const [shown, setShown] = useState<ReadonlySet<FieldName>>(new Set());
  // The main side's answer on submit, with the values it was about: shown only while they are unchanged.
  const [server, setServer] = useState<{ values: FormValues; errors: FieldErrors } | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ name: FieldName } | null>(null);
  const today = todayIso();
  const errors = useMemo(() => formErrors(values, { today, procedure }), [values, today, procedure]);
  const serverErrors = server !== null && server.values === values ? server.errors : NO_ERRORS;

  useEffect(() => {
    if (focusRequest) document.getElementById(fieldId(focusRequest.name))?.focus();
  }, [focusRequest]);

  const setField = useCallback(
    <K extends FieldName>(name: K, value: FormValues[K]) => {
      if (name === 'coverageKind') {
        setValues((v) => applyPreset(v, value as FormValues['coverageKind'], edited));
      } else {
        setValues((v) => ({ ...v, [name]: value }));
      }
      setEdited((e) => (e.has(name) ? e : new Set([...e, name])));
      // Being edited: its message waits until it is left (a choice's, until submit), so it never describes an older value.
      setShown((s) => (s.has(name) ? new Set([...s].filter((n) => n !== name)) : s));
    },
    [edited],
  );

  const blurField = useCallback(
    (name: FieldName) => {
      const raw = values[name];
      if (typeof raw === 'string') {
        const tidied = tidy(name, raw);
        if (tidied !== raw) setValues((v) => ({ ...v, [name]: tidied }));
      }
      setShown((s) => (s.has(name) ? s : new Set([...s, name])));
    },
    [values],
  );

  const reset = useCallback((next: FormValues) => {
    setValues(next);
    setEdited(new Set());
    setShown(new Set());
    setServer(null);
    setFocusRequest({ name: 'firstName' });
  }, []);

  const withEngineIssues = (issues: readonly FieldIssue[]): EstimateForm => {
    const engineErrors = issues.length === 0 ? NO_ERRORS : issuesByField(issues);
    const revealErrors = (serverIssues: FieldIssue[] = []): FieldName | null => {
      const fromServer = issuesByField(serverIssues);
      setShown(allFields);
      setServer(serverIssues.length === 0 ? null : { values, errors: fromServer });
      const first = firstErrorField({ ...engineErrors, ...fromServer, ...errors }, values.coverageKind, values);
      if (first) setFocusRequest({ name: first });
      return first;
    };
    const visibleErrors = shownErrors(shown, [errors, serverErrors, engineErrors]);
    return { procedure, doctors, values, edited, errors, visibleErrors, setField, blurField, revealErrors, reset };
  };

  return { ...withEngineIssues([]), withEngineIssues };
}
