/**
 * What the packet buttons say when main refused with issues: "the fields concerned are
 * highlighted" only when one of them is a field on the form that is now highlighted (a broken
 * template file, for one, is no field staff can fix).
 */
export function packetErrorText(message: string, highlightedField: string | null): string {
  return highlightedField === null ? message : `${message} The fields concerned are highlighted.`;
}
