import { matchFaces } from '@minato/face-match';
import type { Child, ChildId } from '../../../../packages/model/src/index.js';

/** The face-match score above which the nurse may proceed without asking for the coupon booklet. */
const SAME_CHILD = 0.92;

export class ConsentRequiredError extends Error {
  constructor(readonly childId: ChildId) {
    super(`No photo consent on file for child ${childId}: ask the guardian to sign form V-3 first.`);
  }
}

/**
 * True when the guardian has signed the photo consent form.
 *
 * @parentalConsent
 */
export function hasGuardianConsent(child: Child): boolean {
  return child.guardianConsent === true;
}

/**
 * Stores the photo taken at the first visit. Refuses without the guardian's signed consent: a child's
 * facial data is never collected on the child's own say-so.
 *
 * @purpose identity-check
 */
export function enrolFacePhoto(child: Child, photo: Uint8Array): void {
  if (!hasGuardianConsent(child)) throw new ConsentRequiredError(child.id);
  child.facePhoto = photo;
}

export type IdentityResult =
  | { kind: 'confirmed'; name: string; score: number }
  | { kind: 'ask-for-booklet'; name: string; reason: string };

/**
 * At the vaccination room door: compares the camera frame with the enrolled photo. Without an enrolled
 * photo, or with a low score, the nurse checks the coupon booklet instead.
 *
 * @purpose identity-check
 */
export async function confirmIdentity(child: Child, frame: Uint8Array): Promise<IdentityResult> {
  if (!child.facePhoto) return { kind: 'ask-for-booklet', name: child.name, reason: 'no enrolled photo' };
  const score: number = await matchFaces(child.facePhoto, frame);
  return score >= SAME_CHILD
    ? { kind: 'confirmed', name: child.name, score }
    : { kind: 'ask-for-booklet', name: child.name, reason: `match score ${score.toFixed(2)}` };
}
