import type { StaffMember, StaffRole, Volunteer } from '../../../../packages/model/src/index.js';

export interface Badge {
  employeeNo: string;
  name: string;
  role: string;
  photo?: Uint8Array;
}

const ROLE_LABELS: Record<StaffRole, string> = {
  doctor: 'Doctor',
  nurse: 'Nurse',
  'public-health-nurse': 'Public Health Nurse',
  pharmacist: 'Pharmacist',
  clerk: 'Clerk',
};

/**
 * The general affairs section's staff administration: badges, the emergency call tree, the year-end
 * tax adjustment.
 *
 * @purpose staff-management
 */
export class StaffOffice {
  constructor(
    private readonly staff: readonly StaffMember[],
    private readonly volunteers: readonly Volunteer[],
  ) {}

  badgeFor(employeeNo: string): Badge | undefined {
    const member = this.staff.find((candidate) => candidate.employeeNo === employeeNo);
    if (!member) return undefined;
    return { employeeNo, name: member.name, role: ROLE_LABELS[member.role], photo: member.badgePhoto };
  }

  /** Who phones whom when the centre must open outside hours (earthquake, outbreak). */
  callTree(): string[] {
    return this.staff
      .filter((member) => member.role !== 'clerk')
      .map((member) => `${member.section}  ${member.name}  ${member.phone}`);
  }

  /** Volunteers free on a given weekday, for check-up days and vaccination weeks. */
  volunteersOn(day: Volunteer['availableDays'][number]): string[] {
    return this.volunteers.filter((volunteer) => volunteer.availableDays.includes(day)).map((volunteer) => `${volunteer.name}  ${volunteer.phone}`);
  }

  /**
   * The rows of the withholding report, still built here from before `payroll.ts`: the office serves
   * `staff-management`, which is not a My Number affair, so the Individual Number may not be used here
   * (`my-number-scope`), whatever the staff agreed to.
   */
  withholdingRows(salaries: ReadonlyMap<string, number>): { myNumber: string; name: string; paid: number }[] {
    return this.staff.map((member) => ({ myNumber: member.myNumber, name: member.name, paid: salaries.get(member.employeeNo) ?? 0 }));
  }

  /** Staff whose annual health check is missing or more than a year old, for the occupational physician. */
  checkupsDue(today: Date): StaffMember[] {
    const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate()).toISOString().slice(0, 10);
    return this.staff.filter((member) => !member.annualCheckup || member.annualCheckup.takenOn < yearAgo);
  }
}
