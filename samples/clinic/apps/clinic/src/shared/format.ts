import type { Address, Patient } from '../../../../packages/model/src/index.js';

/**
 * Display helpers shared by every screen. They serve whichever screen calls them, so they declare no
 * purpose of their own: the screen's code is where a purpose is served.
 */

export function formatAddress(address: Address): string {
  return `〒${address.postcode} ${address.prefecture}${address.city}${address.line1}${address.line2 ?? ''}`;
}

/** "MINATO Taro (ミナト タロウ)", the way the consultation card prints it. */
export function cardName(patient: Patient): string {
  return `${patient.name} (${patient.nameKana})`;
}

export function ageOn(birthDate: string, on: Date): number {
  const born = new Date(birthDate);
  const hadBirthday = on.getMonth() > born.getMonth() || (on.getMonth() === born.getMonth() && on.getDate() >= born.getDate());
  return on.getFullYear() - born.getFullYear() - (hadBirthday ? 0 : 1);
}

export function yen(amount: number): string {
  return `¥${amount.toLocaleString('ja-JP')}`;
}
