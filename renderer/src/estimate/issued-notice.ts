/**
 * What the form says once a packet is issued (printed or saved), in staff's words: where the
 * packet is kept, and that the patient's details stay on the form until it is cleared. The draft
 * kept for a restart is removed then, but that is the app's housekeeping, not news for staff.
 */

/** `recorded`: the main side kept the packet on record (Past estimates); false where records are not kept. */
export function issuedNotice(recorded: boolean): string {
  const form = "This patient's details stay on the form until you choose Clear form.";
  return recorded
    ? `Packet issued and kept in Past estimates. ${form}`
    : `Packet issued. It was not kept in Past estimates on this computer, so keep the printed or saved copy. ${form}`;
}
