/**
 * What the form says once a packet is issued (printed or saved), in staff's words: where the
 * packet is kept, and that the patient's details stay on the form until it is cleared. The draft
 * kept for a restart is removed then, but that is the app's housekeeping, not news for staff.
 */

/**
 * `recorded`: the main side kept the packet on record (Past estimates); false where records are
 * not kept. `waiting`: kept on this computer until the clinic's shared server answers.
 */
export function issuedNotice(recorded: boolean, waiting = false): string {
  const form = "This patient's details stay on the form until you choose Clear form.";
  if (recorded && waiting) {
    return `Packet issued. The clinic's records server cannot be reached just now, so it is kept on this computer and shared with the other front desks as soon as the server answers (the top of the window shows how many are waiting). ${form}`;
  }
  return recorded
    ? `Packet issued and kept in Past estimates. ${form}`
    : `Packet issued. It was not kept in Past estimates on this computer, so keep the printed or saved copy. ${form}`;
}
