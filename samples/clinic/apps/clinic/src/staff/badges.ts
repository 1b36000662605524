import type { StaffMember, StaffRole } from '../../../../packages/model/src/index.js';

/** The new starter's sheet that the section head sends to General Affairs before the first day. */
export interface StarterSheet {
  employeeNo: string;
  role: StaffRole;
  section: string;
  name: string;
  birthDate: string;
  phone: string;
  myNumber: string;
  licenceNo?: string;
}

export type ReissueReason = 'lost' | 'damaged' | 'expired' | 'changed-section';

/**
 * The General Affairs counter that prints the ID badges. A new starter is photographed on the first day;
 * the photo is retaken whenever a badge is reissued.
 *
 * @purpose staff-management
 */
export class BadgeCounter {
  private readonly log: { employeeNo: string; on: string; reason: ReissueReason | 'new' }[] = [];

  /** The staff record for a new starter, with the photo taken at the counter. */
  newStarter(sheet: StarterSheet, photo: Uint8Array, today: Date): StaffMember {
    this.log.push({ employeeNo: sheet.employeeNo, on: today.toISOString().slice(0, 10), reason: 'new' });
    return { ...sheet, badgePhoto: photo };
  }

  /** A lost or worn badge, or one more than five years old: a new photo and a new badge. */
  reissue(member: StaffMember, photo: Uint8Array, reason: ReissueReason, today: Date): void {
    member.badgePhoto = photo;
    this.log.push({ employeeNo: member.employeeNo, on: today.toISOString().slice(0, 10), reason });
  }

  /** Every badge printed for one employee, for the yearly badge audit. */
  historyOf(employeeNo: string): { on: string; reason: ReissueReason | 'new' }[] {
    return this.log.filter((line) => line.employeeNo === employeeNo).map(({ on, reason }) => ({ on, reason }));
  }
}
