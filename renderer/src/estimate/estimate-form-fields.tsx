/** The New estimate form's four groups, each a fieldset with a legend. */
import { coverageDisplayOrder, coverageFieldNames, fieldApplies, packetFieldNames, paymentFieldNames, procedureFieldNames, type FieldName, type FormValues } from './form-fields';
import { EstimateField } from './estimate-field';
import type { EstimateForm } from './use-estimate-form';

interface GroupProps {
  legend: string;
  names: FieldName[];
  form: EstimateForm;
  columns?: boolean;
  onOpenDoctors?: () => void;
}

function Group({ legend, names, form, columns, onOpenDoctors }: GroupProps) {
  const shown = names.filter((n) => fieldApplies(n, form.values.coverageKind, form.values));
  return (
    <fieldset className="group">
      <legend className="group__legend">{legend}</legend>
      <div className={columns ? 'group__grid' : 'group__stack'}>
        {shown.map((name) => (
          <EstimateField key={name} name={name} form={form} onOpenDoctors={onOpenDoctors} />
        ))}
      </div>
    </fieldset>
  );
}


/**
 * What Self-pay and Uninsured mean (the same Good Faith Estimate follows from either, so staff
 * are told which to choose): DOMAIN.md section 3.
 */
const noPlanMeaning: Partial<Record<FormValues['coverageKind'], string>> = {
  'self-pay': 'Self-pay: the patient has insurance but chooses not to use it for this procedure. (Not for Medicare or Medicaid patients: choose their coverage.)',
  uninsured: 'Uninsured: the patient has no health insurance.',
};

export function EstimateFormFields({ form, onOpenDoctors }: { form: EstimateForm; onOpenDoctors: () => void }) {
  const noPlan = coverageFieldNames.every((n) => !fieldApplies(n, form.values.coverageKind));
  return (
    <>
      <Group legend="Patient" names={['firstName', 'lastName', 'dateOfBirth']} form={form} columns />
      <fieldset className="group">
        <legend className="group__legend">Coverage</legend>
        <div className="group__stack">
          <EstimateField name="coverageKind" form={form} />
        </div>
        {noPlan ? (
          <p className="group__note">
            {noPlanMeaning[form.values.coverageKind]} No insurance details needed: the patient gets a Good Faith Estimate of the clinic&apos;s charges, the same
            for self-pay and uninsured patients.
          </p>
        ) : (
          <div className="group__grid">
            {coverageDisplayOrder
              .filter((n) => fieldApplies(n, form.values.coverageKind, form.values))
              .map((name) => (
                <EstimateField key={name} name={name} form={form} />
              ))}
          </div>
        )}
      </fieldset>
      <Group legend="Procedure" names={[...procedureFieldNames]} form={form} columns onOpenDoctors={onOpenDoctors} />
      <Group legend="Payments" names={[...paymentFieldNames]} form={form} columns />
      <Group legend="Packet" names={[...packetFieldNames]} form={form} columns />
    </>
  );
}
