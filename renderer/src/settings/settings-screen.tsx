/** The Settings screen: clinic profile, other providers, defaults, fee schedule, Medicare rates, payer contracts, and configuration export/import. */
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { Settings } from '../../../core/settings';
import { ClinicProfileForm } from './clinic-profile-form';
import { ConfigTransfer } from './config-transfer';
import { DefaultsForm } from './defaults-form';
import { FeeScheduleEditor } from './fee-schedule-editor';
import { MedicareRatesEditor } from './medicare-rates-editor';
import { PayerContractsEditor } from './payer-contracts-editor';
import { codeAmountsExample } from './payer-contracts';
import { OtherProvidersForm } from './other-providers-form';

/** Where to put focus on arrival: the NPI/TIN fields when a Good Faith Estimate was blocked. */
export type SettingsFocus = 'clinic-id' | null;

interface SettingsScreenProps {
  /** The form's procedure: its codes make the payer contract examples. */
  procedure: Pick<ProcedureDefinition, 'codes'>;
  settings: Settings;
  focus: SettingsFocus;
  onSaved: (settings: Settings) => void;
}

export function SettingsScreen({ procedure, settings, focus, onSaved }: SettingsScreenProps) {
  return (
    <div className="settings">
      <h1 className="screen-title">Settings</h1>
      <ClinicProfileForm clinic={settings.clinic} onSaved={onSaved} focusIds={focus === 'clinic-id'} />
      <OtherProvidersForm otherProviders={settings.otherProviders} onSaved={onSaved} />
      <DefaultsForm settings={settings} onSaved={onSaved} />
      <FeeScheduleEditor feeOverrides={settings.feeOverrides} onSaved={onSaved} />
      <MedicareRatesEditor medicareRates={settings.medicareRates} onSaved={onSaved} />
      <PayerContractsEditor payerContracts={settings.payerContracts} example={codeAmountsExample(procedure.codes)} onSaved={onSaved} />
      <ConfigTransfer onSaved={onSaved} />
    </div>
  );
}
