import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CheckupKind = 'specific-health-checkup' | 'stomach-cancer' | 'colorectal-cancer' | 'breast-cancer' | 'cervical-cancer';

/**
 * A booking made on the ward's online booking page for a specific health check-up (tokutei kenshin) or a
 * cancer screening day. Kept in the booking database, which the reception desk searches by name and birth
 * date when a resident phones to change a booking; the day before, the resident gets a reminder SMS.
 *
 * @purpose treatment reminders
 */
@Entity('checkup_bookings')
@Index(['nameKana', 'birthDate'])
export class CheckupBooking {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: CheckupKind;

  /** The day and time slot, `YYYY-MM-DDTHH:mm`. */
  @Column({ type: 'varchar', length: 16 })
  slot!: string;

  /** @personal name */
  @Column()
  name!: string;

  /** @personal name (katakana reading) */
  @Column()
  nameKana!: string;

  /** @birthDate */
  @Column({ type: 'date' })
  birthDate!: string;

  /** @personal contact */
  @Column()
  phone!: string;

  /**
   * The number on the check-up voucher the ward mails to National Health Insurance members at 40.
   * @personal voucher number
   */
  @Column({ nullable: true })
  voucherNo?: string;

  @CreateDateColumn()
  bookedAt!: Date;
}
