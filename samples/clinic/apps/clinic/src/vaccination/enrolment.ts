import type { Child, ChildId } from '../../../../packages/model/src/index.js';

/**
 * The enrolment form, returned on paper with the coupon booklet or through the ward's online application,
 * as the Health Promotion Section keys it in.
 */
export interface EnrolmentForm {
  childName: string;
  birthDate: string;
  guardianName: string;
  guardianPhone: string;
  /**
   * The photo consent box (form V-3), ticked and signed by the guardian.
   * @parentalConsent
   */
  photoConsent: boolean;
  /** A recent photo of the child: the online application lets the guardian attach one. */
  photo?: Uint8Array;
}

/**
 * Enrols a child from the form. A photo attached to an online application is enrolled at once when the
 * guardian ticked the consent box; otherwise the nurse takes one at the first visit.
 *
 * @purpose vaccination identity-check
 */
export function enrolChild(form: EnrolmentForm, id: ChildId): Child {
  return {
    id,
    name: form.childName,
    birthDate: form.birthDate,
    guardianName: form.guardianName,
    guardianPhone: form.guardianPhone,
    guardianConsent: form.photoConsent,
    doses: [],
    ...(form.photoConsent && { facePhoto: form.photo }),
  };
}

/** A child's row in the previous vaccination system (retired in March 2026), as exported for the move. */
export interface LegacyChildRow {
  childNo: string;
  name: string;
  birthDate: string;
  guardianName: string;
  guardianTel: string;
  /** The enrolled photo, a base64 JPEG; empty when there was none. */
  photoJpeg: string;
}

/**
 * Carries a child's record over from the previous system. The doses follow in a second pass, from the
 * dose table.
 *
 * @purpose vaccination identity-check
 */
export function carryOver(row: LegacyChildRow): Child {
  return {
    id: row.childNo as ChildId,
    name: row.name,
    birthDate: row.birthDate,
    guardianName: row.guardianName,
    guardianPhone: row.guardianTel,
    facePhoto: decodeJpeg(row.photoJpeg),
    doses: [],
  };
}

function decodeJpeg(base64: string): Uint8Array | undefined {
  return base64 === '' ? undefined : Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
