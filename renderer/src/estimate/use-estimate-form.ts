/**
 * State of the New estimate form: raw text per field (nothing typed is ever lost), which
 * fields staff edited (presets never overwrite those), and which errors are on show.
 * Errors appear when a field loses focus or on submit, never mid-typing.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { Doctor } from '../../../core/settings';
import { tidyDateText, tidyMoneyText, tidyPercentText, todayIso } from '../lib/text-parsers';
import { fieldDefs, type FieldName, type FormValues } from './form-fields';
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
  /** Show every error (client ones plus the given server issues); focus the first. Returns its field. */
  revealErrors: (serverIssues?: FieldIssue[]) => FieldName | null;
  setLiveIssues: (issues: FieldIssue[]) => void;
  reset: (values: FormValues) => void;
}

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
): EstimateForm {
  const [values, setValues] = useState<FormValues>(initial.values);
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(initial.edited);
  const [visibleErrors, setVisibleErrors] = useState<FieldErrors>({});
  const [liveIssues, setLiveIssueMap] = useState<FieldErrors>({});
  const [focusRequest, setFocusRequest] = useState<{ name: FieldName } | null>(null);
  const today = todayIso();
  const errors = useMemo(() => formErrors(values, { today, procedure }), [values, today, procedure]);

  useEffect(() => {
    if (focusRequest) document.getElementById(fieldId(focusRequest.name))?.focus();
  }, [focusRequest]);

  const setField = useCallback(
    <K extends FieldName>(name: K, value: FormValues[K]) => {
      if (name === 'coverageKind') {
        setValues((v) => applyPreset(v, value as FormValues['coverageKind'], edited));
        setEdited((e) => (e.has(name) ? e : new Set([...e, name])));
        return;
      }
      setValues((v) => ({ ...v, [name]: value }));
      setEdited((e) => (e.has(name) ? e : new Set([...e, name])));
      // Choices (selects, checkboxes) have no "mid-typing": settle their error now.
      const kind = fieldDefs[name].kind;
      if (kind === 'select' || kind === 'checkbox') {
        setVisibleErrors((shown) => ({ ...shown, [name]: undefined }));
      }
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
      setVisibleErrors((shown) => ({ ...shown, [name]: errors[name] ?? liveIssues[name] }));
    },
    [values, errors, liveIssues],
  );

  const revealErrors = useCallback(
    (serverIssues: FieldIssue[] = []) => {
      const all: FieldErrors = { ...liveIssues, ...issuesByField(serverIssues), ...errors };
      setVisibleErrors(all);
      const first = firstErrorField(all, values.coverageKind, values);
      if (first) setFocusRequest({ name: first });
      return first;
    },
    [errors, liveIssues, values],
  );

  const setLiveIssues = useCallback((issues: FieldIssue[]) => setLiveIssueMap(issuesByField(issues)), []);

  const reset = useCallback((next: FormValues) => {
    setValues(next);
    setEdited(new Set());
    setVisibleErrors({});
    setLiveIssueMap({});
    setFocusRequest({ name: 'firstName' });
  }, []);

  return { procedure, doctors, values, edited, errors, visibleErrors, setField, blurField, revealErrors, setLiveIssues, reset };
}
