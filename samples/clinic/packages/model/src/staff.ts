import type { CheckupResult } from './checkup.js';

export type StaffRole = 'doctor' | 'nurse' | 'public-health-nurse' | 'pharmacist' | 'clerk';

/**
 * A member of the centre's staff. Everyone on the payroll is an adult, so the badge photo is not
 * children's facial data.
 *
 * @purpose staff-management payroll
 * @piFile "Staff Register"
 * @minimumAge 18
 */
export interface StaffMember {
  employeeNo: string;
  role: StaffRole;
  section: string;
  /** @personal name */
  name: string;
  /** @birthDate */
  birthDate: string;
  /** @personal contact */
  phone: string;
  /**
   * Needed for the year-end tax adjustment only: a My Number affair (see the register's `payroll`).
   * @myNumber
   * @purpose payroll
   */
  myNumber: string;
  /**
   * Printed on the ID badge that opens the staff doors.
   * @facial
   */
  badgePhoto?: Uint8Array;
  /**
   * The employer's annual health check (Industrial Safety and Health Act Art. 66).
   * @specialCare checkup-result
   */
  annualCheckup?: CheckupResult;
  /** Medical or nursing licence number, for doctors, nurses and pharmacists. */
  licenceNo?: string;
}

/**
 * A community health volunteer (hoken suishin iin) who helps at check-up days and vaccination weeks.
 * Volunteers are appointed by the ward from among adult residents.
 *
 * @purpose staff-management
 * @minimumAge 18+
 */
export interface Volunteer {
  volunteerNo: string;
  /** @personal name */
  name: string;
  /** @personal contact */
  phone: string;
  /** @personal address */
  district: string;
  availableDays: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[];
}
