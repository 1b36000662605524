import { detectFace } from '@minato/face-match';
import type { Child, ChildId } from '../../../../packages/model/src/index.js';
import { ConsentRequiredError, hasGuardianConsent } from './identity-check.js';
import { keepCroppedPhoto } from './photo-store.js';

/** The webcam on the photo desk of the vaccination room, and the one at the reception counter. */
export interface DeskCamera {
  capture(): Promise<Uint8Array>;
}

/** One line of the photo log, which the privacy officer audits every quarter. */
export interface PhotoLogEntry {
  childId: ChildId;
  staffNo: string;
  at: string;
  event: 'enrolled' | 'renewed' | 'retaken' | 'deleted';
}

function logEntry(child: Child, staffNo: string, event: PhotoLogEntry['event']): PhotoLogEntry {
  return { childId: child.id, staffNo, at: new Date().toISOString(), event };
}

/**
 * The first visit: the nurse photographs the child for the identity check, once the guardian has signed
 * the photo consent form (V-3).
 *
 * @purpose identity-check
 */
export async function photographAtFirstVisit(child: Child, camera: DeskCamera, nurseNo: string): Promise<PhotoLogEntry> {
  if (!hasGuardianConsent(child)) throw new ConsentRequiredError(child.id);
  const frame = await camera.capture();
  keepCroppedPhoto(child, frame, await detectFace(frame));
  return logEntry(child, nurseNo, 'enrolled');
}

/**
 * Children change quickly: a photo from the two-month visit no longer matches the child of three. When
 * the match score stays low, the nurse takes a new photo, under the consent already on file.
 *
 * @purpose identity-check
 */
export async function renewPhoto(child: Child, camera: DeskCamera, nurseNo: string): Promise<PhotoLogEntry | undefined> {
  if (child.guardianConsent) {
    const frame = await camera.capture();
    keepCroppedPhoto(child, frame, await detectFace(frame));
    return logEntry(child, nurseNo, 'renewed');
  }
  return undefined;
}

/**
 * The reception counter's "retake photo" button, shown when the identity check asked for the coupon
 * booklet, so that the next visit goes through without it. The clerk takes the photo with the counter's
 * webcam while the guardian checks in.
 *
 * @purpose identity-check
 */
export async function retakeAtReception(child: Child, camera: DeskCamera, clerkNo: string): Promise<PhotoLogEntry> {
  const frame = await camera.capture();
  child.facePhoto = frame;
  return logEntry(child, clerkNo, 'retaken');
}

/**
 * The guardian withdraws the photo consent: the photo is deleted the same day, and the identity check
 * falls back on the coupon booklet.
 *
 * @purpose identity-check
 */
export function withdrawPhotoConsent(child: Child, clerkNo: string): PhotoLogEntry {
  child.guardianConsent = false;
  child.facePhoto = undefined;
  return logEntry(child, clerkNo, 'deleted');
}

/**
 * The child's age in whole years on a day, from the birth date: comparing it with 16 is an age check.
 *
 * @age
 */
export function ageOn(child: Child, day: Date): number {
  const born = new Date(child.birthDate);
  const before = day.getMonth() < born.getMonth() || (day.getMonth() === born.getMonth() && day.getDate() < born.getDate());
  return day.getFullYear() - born.getFullYear() - (before ? 1 : 0);
}

/**
 * Teenagers who come for a booster on their own: from 16, their own photo needs no guardian's consent;
 * younger, the guardian's signed form is checked as at the first visit.
 *
 * @purpose identity-check
 */
export async function retakeForTeenager(child: Child, camera: DeskCamera, clerkNo: string): Promise<PhotoLogEntry | undefined> {
  if (ageOn(child, new Date()) < 16 && child.guardianConsent !== true) return undefined;
  child.facePhoto = await camera.capture();
  return logEntry(child, clerkNo, 'retaken');
}
