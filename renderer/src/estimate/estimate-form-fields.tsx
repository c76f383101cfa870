/** The New estimate form's four groups, each a fieldset with a legend. */
import { coverageDisplayOrder, coverageFieldNames, fieldApplies, packetFieldNames, paymentFieldNames, procedureFieldNames, type FieldName } from './form-fields';
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
          <p className="group__note">No insurance details needed: the patient gets a Good Faith Estimate of the clinic&apos;s charges.</p>
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
