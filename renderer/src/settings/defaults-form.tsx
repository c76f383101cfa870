/** Settings → Defaults for new estimates: packet language, large print, self-pay discount (Medicare's figures: Settings → Medicare rates). */
import { useState } from 'react';
import type { Language } from '../../../core/estimate/types';
import type { PacketDefaults, Settings } from '../../../core/settings';
import { CheckboxField, SelectField, TextField } from '../lib/field-controls';
import { parsePercentText } from '../lib/text-parsers';
import { languageChoices } from '../estimate/form-fields';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { useSettingsGroup } from './use-settings-group';
import { refuseAtField, saveSettingsGroup } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';

type DefaultsErrors = { discount?: string | undefined; deposit?: string | undefined };

const percentOrZero = (text: string): number | null => parsePercentText(text.trim() === '' ? '0' : text);

function check(discount: string, deposit: string): DefaultsErrors {
  const errors: DefaultsErrors = {};
  const pct = percentOrZero(discount);
  if (pct === null || pct > 100) errors.discount = 'Enter a percentage from 0 to 100, like 15.';
  const dep = percentOrZero(deposit);
  if (dep === null || dep > 100) errors.deposit = 'Enter a percentage from 0 to 100, like 25, or 0 for no deposit.';
  return errors;
}

interface DefaultsTexts {
  language: Language;
  largePrint: boolean;
  discount: string;
  deposit: string;
}

const asTexts = (d: PacketDefaults): DefaultsTexts => ({
  language: d.language,
  largePrint: d.largePrint,
  discount: String(d.selfPayDiscountPercent),
  deposit: String(d.depositPercent),
});

export function DefaultsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [shown, setShown] = useState<DefaultsErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { local, setLocal, markSaved, dirty } = useSettingsGroup(settings.defaults, asTexts, () => {
    setShown({});
    setSave({ kind: 'idle' });
  });
  const { language, largePrint, discount, deposit } = local;
  useUnsavedSection('defaults', 'Defaults for new estimates', dirty, () => submit());
  const set = <K extends keyof DefaultsTexts>(name: K, value: DefaultsTexts[K]) => {
    setLocal((l) => ({ ...l, [name]: value }));
    setSave({ kind: 'idle' });
  };

  const submit = async (): Promise<SaveOutcome> => {
    const errors = check(discount, deposit);
    setShown(errors);
    if (errors.discount || errors.deposit) return refuseAtField(errors.discount ? 'set-discount' : 'set-deposit', setSave);
    return saveSettingsGroup({
      patch: {
        defaults: {
          language,
          largePrint,
          selfPayDiscountPercent: percentOrZero(discount) ?? 0,
          depositPercent: percentOrZero(deposit) ?? 0,
        },
      },
      pick: (settings) => settings.defaults,
      markSaved,
      onSaved,
      setSave,
      savedMessage: 'Saved. New estimates start with these.',
    });
  };

  return (
    <section className="card" aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">
        Defaults for new estimates
        <UnsavedMark dirty={dirty} />
      </h2>
      <div className="group__stack">
        <SelectField id="set-language" label="Default packet language" value={language} choices={languageChoices} onChange={(v) => set('language', v)} />
        <CheckboxField id="set-large-print" label="Large print by default" checked={largePrint} onChange={(v) => set('largePrint', v)} />
        <TextField
          id="set-discount"
          label="Self-pay discount (%)"
          hint="Taken off the clinic's own charges in a Good Faith Estimate (the hospital, surgery center and anesthesia provider set their own)"
          value={discount}
          width="short"
          inputMode="decimal"
          error={shown.discount}
          onChange={(v) => set('discount', v)}
          onBlur={() => setShown((s) => ({ ...s, discount: check(discount, deposit).discount }))}
        />
        <TextField
          id="set-deposit"
          label="Deposit before the procedure (%)"
          hint="Of the patient's estimated part of the clinic's own bill; 0 for none"
          value={deposit}
          width="short"
          inputMode="decimal"
          error={shown.deposit}
          onChange={(v) => set('deposit', v)}
          onBlur={() => setShown((s) => ({ ...s, deposit: check(discount, deposit).deposit }))}
        />
      </div>
      <SaveRow label="Save defaults" state={save} dirty={dirty} onSave={() => void submit()} />
    </section>
  );
}
