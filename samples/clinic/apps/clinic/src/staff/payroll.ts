import type { StaffMember } from '../../../../packages/model/src/index.js';

/**
 * Withholding tax slips for the tax office: the centre's one My Number affair as an employer, so the
 * Individual Number may be used here (the register marks `payroll` with `myNumberAffair: taxation`).
 *
 * @purpose payroll
 */
export function withholdingSlip(member: StaffMember, paid: number): { myNumber: string; employeeNo: string; paid: number } {
  return { myNumber: member.myNumber, employeeNo: member.employeeNo, paid };
}
