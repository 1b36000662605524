import { cropFace, type FaceBox } from '@minato/face-match';
import type { Child } from '../../../../packages/model/src/index.js';

/** The side, in pixels, of the enrolled photo: the size the face-matching package compares best. */
const ENROLLED_SIZE = 480;

/**
 * Crops a camera frame to the child's face and keeps it as the enrolled photo. The photo desk calls it
 * once it has checked the guardian's consent; it does not check again.
 */
export function keepCroppedPhoto(child: Child, frame: Uint8Array, face: FaceBox): void {
  child.facePhoto = cropFace(frame, face, ENROLLED_SIZE);
}
