/**
 * Labelled form controls with their hint and error tied on with aria-describedby. Every
 * control has a visible <label>; the error says what is wanted, beside the field.
 */
import type { ChangeEvent, ReactNode } from 'react';

interface ShellProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Read after the label, not shown: tells apart fields with the same label (the group's name). */
  labelContext?: string | undefined;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
  className?: string | undefined;
  /** Under the control (a button that goes with the field). */
  after?: ReactNode;
  /** A question about the value under the control ("Did you mean 20%?"), tied on like the hint and the error. */
  advice?: ReactNode;
}

export function FieldShell({ id, label, hint, error, labelContext, children, className, after, advice }: ShellProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const adviceId = advice ? `${id}-advice` : null;
  const describedBy = [hintId, adviceId, errorId].filter((x): x is string => x !== null).join(' ');
  const aria = {
    ...(describedBy !== '' ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field__top">
        <label htmlFor={id} className="field__label">
          {label}
          {labelContext ? <span className="visually-hidden">, {labelContext}</span> : null}
        </label>
        {hint ? (
          <span id={hintId ?? undefined} className="field__hint">
            {hint}
          </span>
        ) : null}
      </div>
      {children(aria)}
      {advice ? (
        <p id={adviceId ?? undefined} className="field__advice">
          {advice}
        </p>
      ) : null}
      {after}
      {/* The error line's space is always kept, so a message appearing when a field is left
          never moves the button the user is about to click. */}
      <p id={errorId ?? undefined} className="field__error">
        {error ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {error}
          </>
        ) : null}
      </p>
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  hint?: string | undefined;
  error?: string | undefined;
  labelContext?: string | undefined;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'tel';
  multiline?: boolean;
  width?: 'short' | 'medium' | 'long';
  autoComplete?: string;
  /** A question about the value (see FieldShell), and the buttons that answer it. */
  advice?: ReactNode;
  after?: ReactNode;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, onBlur, hint, error, labelContext, inputMode, multiline, width = 'long' } = props;
  const change = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelContext={labelContext} advice={props.advice} after={props.after}>
      {(aria) =>
        multiline ? (
          <textarea id={id} className="input input--long" rows={3} value={value} onChange={change} onBlur={onBlur} {...aria} />
        ) : (
          <input
            id={id}
            className={`input input--${width}`}
            type="text"
            value={value}
            inputMode={inputMode}
            autoComplete={props.autoComplete ?? 'off'}
            spellCheck={false}
            onChange={change}
            onBlur={onBlur}
            {...aria}
          />
        )
      }
    </FieldShell>
  );
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T;
  choices: { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** `long`: as wide as its place (choices with long names). */
  width?: 'medium' | 'long';
  className?: string;
  /** Shown under the control, inside the field (a button that goes with it). */
  children?: ReactNode;
}

export function SelectField<T extends string>({ id, label, value, choices, onChange, hint, error, width = 'medium', className, children }: SelectFieldProps<T>) {
  const change = (e: ChangeEvent<HTMLSelectElement>) => {
    const picked = choices.find((c) => c.value === e.target.value);
    if (picked) onChange(picked.value);
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} after={children}>
      {(aria) => (
        <select id={id} className={`input input--${width}`} value={value} onChange={change} {...aria}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
}

export function CheckboxField({ id, label, checked, onChange, hint }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hintId}
      />
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface CellInputProps {
  id: string;
  /** Ids of the column header and the row header that name the box together. */
  labelledBy: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
  onBlur?: (value: string) => void;
}

/** An amount box in a table cell, named by its column and row headers, its error tied on below it. */
export function CellInput({ id, labelledBy, value, error, onChange, onBlur }: CellInputProps) {
  return (
    <>
      <input
        id={id}
        className="input input--money"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-labelledby={labelledBy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur === undefined ? undefined : (e) => onBlur(e.target.value)}
      />
      {error ? <p id={`${id}-error`} className="field__error">{error}</p> : null}
    </>
  );
}
