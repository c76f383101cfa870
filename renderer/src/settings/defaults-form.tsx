/** Settings → Defaults for new estimates: packet language, large print, self-pay discount (Medicare's figures: Settings → Medicare rates). */
import { useState } from 'react';
import type { Language } from '../../../core/estimate/types';
import type { PacketDefaults, Settings } from '../../../core/settings';
import { CheckboxField, SelectField, TextField } from '../lib/field-controls';
import { parsePercentText } from '../lib/text-parsers';
import { languageChoices } from '../estimate/form-fields';
import { SaveRow, type SaveState } from './save-row';
import { useSettingsGroup } from './use-settings-group';
import { saveSettingsGroup } from './save-settings-group';

type DefaultsErrors = { discount?: string | undefined };

function check(discount: string): DefaultsErrors {
  const errors: DefaultsErrors = {};
  const pct = parsePercentText(discount.trim() === '' ? '0' : discount);
  if (pct === null || pct > 100) errors.discount = 'Enter a percentage from 0 to 100, like 15.';
  return errors;
}

interface DefaultsTexts {
  language: Language;
  largePrint: boolean;
  discount: string;
}

const asTexts = (d: PacketDefaults): DefaultsTexts => ({
  language: d.language,
  largePrint: d.largePrint,
  discount: String(d.selfPayDiscountPercent),
});

export function DefaultsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [shown, setShown] = useState<DefaultsErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { local, setLocal, markSaved } = useSettingsGroup(settings.defaults, asTexts, () => {
    setShown({});
    setSave({ kind: 'idle' });
  });
  const { language, largePrint, discount } = local;
  const set = <K extends keyof DefaultsTexts>(name: K, value: DefaultsTexts[K]) => {
    setLocal((l) => ({ ...l, [name]: value }));
    setSave({ kind: 'idle' });
  };

  const submit = async () => {
    const errors = check(discount);
    setShown(errors);
    if (errors.discount) {
      document.getElementById('set-discount')?.focus();
      setSave({ kind: 'error', message: 'Please check the highlighted fields; nothing was saved.' });
      return;
    }
    await saveSettingsGroup({
      patch: {
        defaults: {
          language,
          largePrint,
          selfPayDiscountPercent: parsePercentText(discount.trim() === '' ? '0' : discount) ?? 0,
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
      <h2 id="defaults-heading">Defaults for new estimates</h2>
      <div className="group__stack">
        <SelectField id="set-language" label="Default packet language" value={language} choices={languageChoices} onChange={(v) => set('language', v)} />
        <CheckboxField id="set-large-print" label="Large print by default" checked={largePrint} onChange={(v) => set('largePrint', v)} />
        <TextField
          id="set-discount"
          label="Self-pay discount (%)"
          hint="Taken off charges in a Good Faith Estimate"
          value={discount}
          width="short"
          inputMode="decimal"
          error={shown.discount}
          onChange={(v) => set('discount', v)}
          onBlur={() => setShown((s) => ({ ...s, discount: check(discount).discount }))}
        />
      </div>
      <SaveRow label="Save defaults" state={save} onSave={() => void submit()} />
    </section>
  );
}
