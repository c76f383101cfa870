/**
 * Every enumeration of the domain, once: const arrays in display order, with the types
 * derived from them. Schemas, the engine and the renderer's labels (Record<Kind, string>)
 * all read these, so a new value without a label does not compile.
 */
export const coverageKinds = ['commercial', 'medicare', 'medicare-advantage', 'medicaid', 'self-pay', 'uninsured'] as const;
export type CoverageKind = (typeof coverageKinds)[number];

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

export const placesOfService = ['hospital-outpatient', 'asc', 'office'] as const;
export type PlaceOfService = (typeof placesOfService)[number];

export const sedations = ['local', 'moderate', 'anesthesia'] as const;
export type Sedation = (typeof sedations)[number];

export const providerRoles = ['facility', 'physician', 'anesthesia', 'imaging'] as const;
export type ProviderRole = (typeof providerRoles)[number];

/** The providers that bill their own part of the procedure day (imaging is billed before it). */
export const billingRoles = ['physician', 'facility', 'anesthesia'] as const;
export type BillingRole = (typeof billingRoles)[number];

/** The standardized Medigap plans (DOMAIN.md section 2b); "-high" = the high-deductible version. */
export const medigapPlans = ['A', 'B', 'C', 'D', 'F', 'F-high', 'G', 'G-high', 'K', 'L', 'M', 'N'] as const;
export type MedigapPlan = (typeof medigapPlans)[number];

/** What may stand behind Original Medicare. */
export const supplementKinds = ['medigap', 'medicaid', 'other'] as const;
export type SupplementKind = (typeof supplementKinds)[number];

export const networks = ['in', 'out'] as const;
export type Network = (typeof networks)[number];

/** "a, b or c", for messages that list the accepted values. */
export function listChoices(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}
