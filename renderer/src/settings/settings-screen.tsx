/** The Settings screen: clinic profile, doctors, other providers, defaults, records and privacy, shared records, fee schedule, Medicare rates, payer contracts, and configuration export/import. */
import { useEffect } from 'react';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { LockableSetting } from '../../../core/policy';
import type { Settings } from '../../../core/settings';
import { ClinicProfileForm } from './clinic-profile-form';
import { ConfigTransfer } from './config-transfer';
import { DefaultsForm } from './defaults-form';
import { DoctorsEditor } from './doctors-editor';
import { FeeScheduleEditor } from './fee-schedule-editor';
import { LockableSection } from './locked-section';
import { MedicareRatesEditor } from './medicare-rates-editor';
import { PayerContractsEditor } from './payer-contracts-editor';
import { codeAmountsExample } from './payer-contracts';
import { OtherProvidersForm } from './other-providers-form';
import { RecordsSettingsForm } from './records-settings-form';
import { SharedRecordsForm } from './shared-records-form';
import type { SectionRegistry } from './unsaved-sections';
import { SectionRegistryContext } from './use-unsaved-section';

/**
 * The id of the field to focus on arrival (settings-fields.ts settingsFieldIds): the first one a
 * blocked Good Faith Estimate needs, or Add a doctor from the form's Doctor field.
 */
export type SettingsFocus = string | null;

interface SettingsScreenProps {
  /** The form's procedure: its codes make the payer contract examples. */
  procedure: Pick<ProcedureDefinition, 'codes'>;
  settings: Settings;
  focus: SettingsFocus;
  onSaved: (settings: Settings) => void;
  /** Where each section says whether it has unsaved changes (leaving Settings asks about them). */
  sections: SectionRegistry;
  /** The parts the machine policy locks: shown read-only, saying why (Shared records says so itself). */
  locked: readonly LockableSetting[];
}

export function SettingsScreen({ procedure, settings, focus, onSaved, sections, locked }: SettingsScreenProps) {
  useEffect(() => {
    if (focus !== null) document.getElementById(focus)?.focus();
  }, [focus]);
  return (
    <SectionRegistryContext.Provider value={sections}>
      <div className="settings">
        <h1 className="screen-title">Settings</h1>
        <p className="settings__intro">Each section has its own Save button. Changes are not saved until you press it.</p>
        <LockableSection part="clinic" locked={locked}>
          <ClinicProfileForm clinic={settings.clinic} onSaved={onSaved} />
        </LockableSection>
        <LockableSection part="doctors" locked={locked}>
          <DoctorsEditor doctors={settings.doctors} onSaved={onSaved} />
        </LockableSection>
        <LockableSection part="otherProviders" locked={locked}>
          <OtherProvidersForm otherProviders={settings.otherProviders} onSaved={onSaved} />
        </LockableSection>
        <LockableSection part="defaults" locked={locked}>
          <DefaultsForm settings={settings} onSaved={onSaved} />
        </LockableSection>
        <LockableSection part="records" locked={locked}>
          <RecordsSettingsForm records={settings.records} onSaved={onSaved} />
        </LockableSection>
        <SharedRecordsForm onSaved={onSaved} />
        <LockableSection part="feeSchedule" locked={locked}>
          <FeeScheduleEditor feeOverrides={settings.feeOverrides} onSaved={onSaved} />
        </LockableSection>
        <LockableSection part="medicare" locked={locked}>
          <MedicareRatesEditor medicareRates={settings.medicareRates} onSaved={onSaved} />
        </LockableSection>
        <LockableSection part="payerContracts" locked={locked}>
          <PayerContractsEditor payerContracts={settings.payerContracts} example={codeAmountsExample(procedure.codes)} onSaved={onSaved} />
        </LockableSection>
        <ConfigTransfer onSaved={onSaved} />
      </div>
    </SectionRegistryContext.Provider>
  );
}
