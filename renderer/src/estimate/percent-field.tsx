/**
 * A percentage field (coinsurance, a second plan's, what another plan pays) that asks whether a
 * value between 0 and 1 was a fraction: "Did you mean 20%?", with a button for each answer.
 * Nothing changes unless staff choose "Use 20%"; "Keep 0.2%" keeps it and stops asking. It asks
 * as soon as the value reads so (a question, not an error): asking only once the field is left
 * would move what lies below it, such as the button being clicked, under the pointer.
 */
import { useState, type ComponentProps } from 'react';
import { TextField } from '../lib/field-controls';
import { fractionPercentHint } from './percent-hint';

export function PercentField(field: ComponentProps<typeof TextField>) {
  // The text staff chose to keep as it is: not asked about again until it changes.
  const [kept, setKept] = useState<string | null>(null);
  const hint = field.value !== kept ? fractionPercentHint(field.value) : null;
  const answer = (text: string | null) => {
    if (text === null) setKept(field.value);
    else field.onChange(text);
    document.getElementById(field.id)?.focus();
  };
  return (
    <TextField
      {...field}
      advice={hint ? `Did you mean ${hint.meant}%? As typed, this is ${hint.typed}%.` : undefined}
      after={
        hint ? (
          <div className="field__advice-actions">
            <button type="button" className="button" onClick={() => answer(hint.meant)}>
              Use {hint.meant}%
            </button>
            <button type="button" className="button" onClick={() => answer(null)}>
              Keep {hint.typed}%
            </button>
          </div>
        ) : null
      }
    />
  );
}
