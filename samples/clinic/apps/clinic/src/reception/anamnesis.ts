/**
 * The anamnesis sheet a new patient fills in at reception: past illnesses and allergies, special
 * care-required information (medical history). A business may acquire it only with the individual's
 * prior consent (APPI Art. 20(2)), and the sheet has a box for it. The centre is an administrative organ
 * (the register's `sector`), which acquires such data as far as its duties need (Art. 61) rather than by
 * consent, so `special-care-consent` does not apply here; with `sector: business`, the second function
 * below would be reported and the first would not.
 *
 * @purpose treatment
 */
export interface AnamnesisSheet {
  patientNo: string;
  /** @personal name */
  name: string;
  /** @specialCare medical-history */
  pastIllnesses?: string;
  /** @specialCare medical-history */
  allergies?: string;
  /** @consent Ticked when the patient agrees to give the history. */
  historyConsent?: boolean;
}

/**
 * Takes the history from the sheet only once the patient has ticked the consent box.
 *
 * @purpose treatment
 */
export function takeHistory(sheet: AnamnesisSheet, illnesses: string, allergies: string): AnamnesisSheet {
  if (sheet.historyConsent !== true) return sheet;
  return { ...sheet, pastIllnesses: illnesses, allergies };
}

/**
 * The old quick form of the evening clinic, which copies the history without looking at the box.
 *
 * @purpose treatment
 */
export function quickHistory(sheet: AnamnesisSheet, illnesses: string): AnamnesisSheet {
  return { ...sheet, pastIllnesses: illnesses };
}
