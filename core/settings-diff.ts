import { formatCents } from './money';
import type { Settings } from './settings';

const CLINIC_LABELS: Record<keyof Settings['clinic'], string> = {
  name: 'Clinic name',
  address: 'Address',
  phone: 'Phone',
  npi: 'NPI',
  tin: 'TIN',
  logoDataUrl: 'Logo',
};

const show = (value: string | number | boolean): string => {
  if (value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
};

/** Fee line names by procedure id, then line id ("<code> <description>"). */
export type FeeNames = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * One plain line per setting that differs: "Clinic name: Old -> New". Fee lines are named by
 * `feeNames` (procedure id -> line id -> "<code> <description>") where known.
 */
export function describeSettingsChanges(before: Settings, after: Settings, feeNames: FeeNames = {}): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(CLINIC_LABELS) as (keyof Settings['clinic'])[]) {
    const a = before.clinic[key];
    const b = after.clinic[key];
    if (a === b) continue;
    lines.push(key === 'logoDataUrl' ? `Logo: ${b ? 'replaced' : 'removed'}` : `${CLINIC_LABELS[key]}: ${show(a)} -> ${show(b)}`);
  }
  const providerNames: Record<keyof Settings['otherProviders'], string> = {
    hospitalOutpatient: 'Hospital outpatient department',
    asc: 'Surgery center',
    anesthesia: 'Anesthesia provider',
  };
  for (const group of Object.keys(providerNames) as (keyof Settings['otherProviders'])[]) {
    for (const field of ['name', 'npi', 'tin', 'address'] as const) {
      const a = before.otherProviders[group][field];
      const b = after.otherProviders[group][field];
      if (a !== b) lines.push(`${providerNames[group]} ${field === 'name' || field === 'address' ? field : field.toUpperCase()}: ${show(a)} -> ${show(b)}`);
    }
  }
  const doctorText = (s: Settings) => s.doctors.map((d) => (d.npi === '' ? d.name : `${d.name} (NPI ${d.npi})`)).join('; ');
  if (doctorText(before) !== doctorText(after)) lines.push(`Doctors: ${show(doctorText(before))} -> ${show(doctorText(after))}`);
  const r0 = before.records;
  const r1 = after.records;
  if (r0.retentionYears !== r1.retentionYears) lines.push(`Keep records: ${r0.retentionYears} -> ${r1.retentionYears} years`);
  if (r0.keepWithoutKeyStore !== r1.keepWithoutKeyStore) lines.push(`Keep records without an OS key store: ${show(r0.keepWithoutKeyStore)} -> ${show(r1.keepWithoutKeyStore)}`);
  if (r0.idleMinutes !== r1.idleMinutes) lines.push(`Privacy screen after: ${r0.idleMinutes} -> ${r1.idleMinutes} minutes idle`);
  if (r0.draftMaxAgeHours !== r1.draftMaxAgeHours) lines.push(`Drafts restored for: ${r0.draftMaxAgeHours} -> ${r1.draftMaxAgeHours} hours`);
  const d0 = before.defaults;
  const d1 = after.defaults;
  if (d0.language !== d1.language) lines.push(`Packet language: ${d0.language} -> ${d1.language}`);
  if (d0.largePrint !== d1.largePrint) lines.push(`Large print: ${show(d0.largePrint)} -> ${show(d1.largePrint)}`);
  if (d0.selfPayDiscountPercent !== d1.selfPayDiscountPercent) {
    lines.push(`Self-pay discount: ${d0.selfPayDiscountPercent}% -> ${d1.selfPayDiscountPercent}%`);
  }
  if (d0.depositPercent !== d1.depositPercent) lines.push(`Deposit before the procedure: ${d0.depositPercent}% -> ${d1.depositPercent}%`);
  const contracts = (s: Settings) => new Map(s.payerContracts.map((c) => [c.payer, JSON.stringify(c)]));
  const [was, now] = [contracts(before), contracts(after)];
  for (const payer of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    if (was.get(payer) === now.get(payer)) continue;
    lines.push(`Payer contract ${payer}: ${!was.has(payer) ? 'added' : !now.has(payer) ? 'removed' : 'changed'}`);
  }
  for (const procedureId of [...new Set([...Object.keys(before.medicareRates), ...Object.keys(after.medicareRates)])].sort()) {
    const was = before.medicareRates[procedureId] ?? {};
    const now = after.medicareRates[procedureId] ?? {};
    for (const year of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
      const a = was[year] ?? {};
      const b = now[year] ?? {};
      for (const id of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
        const text = (v: number | undefined) => (v === undefined ? 'national' : medicareValueText(id, v));
        if (a[id] !== b[id]) lines.push(`Medicare ${year} ${id}: ${text(a[id])} -> ${text(b[id])}`);
      }
    }
  }
  const procedures = new Set([...Object.keys(before.feeOverrides), ...Object.keys(after.feeOverrides)]);
  for (const procedureId of [...procedures].sort()) {
    const was = before.feeOverrides[procedureId] ?? {};
    const now = after.feeOverrides[procedureId] ?? {};
    const names = feeNames[procedureId] ?? {};
    for (const id of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
      const text = (v: (typeof was)[string] | undefined) => (v ? `${formatCents(v.lowCents)}–${formatCents(v.highCents)}` : 'default');
      if (text(was[id]) !== text(now[id])) lines.push(`Fee ${names[id] ?? id}: ${text(was[id])} -> ${text(now[id])}`);
    }
  }
  return lines;
}

/** A Medicare figure as staff read it: base units as a number, money in dollars (the conversion factor to 4 decimals). */
function medicareValueText(id: string, value: number): string {
  if (id.endsWith('.baseUnits')) return `${value} units`;
  if (id.endsWith('conversionFactor')) return `$${(value / 100).toFixed(4)}`;
  return Number.isInteger(value) ? formatCents(value) : String(value);
}
