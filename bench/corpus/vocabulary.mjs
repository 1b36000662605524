/**
 * The words the corpus is written with: the purpose catalogue, the tagged and untagged fields, the kinds
 * of records (domains) a municipal health and welfare back office keeps, and the names of its modules.
 *
 * Tagged and untagged field names are disjoint, so that a file "mentions a tagged field's name" exactly when
 * it reads or writes one (the `--tagged-name-share` parameter), and no identifier the generator makes up
 * contains one.
 */

/** The register's purpose catalogue. `related` only feeds the quick fixes' titles. */
export const PURPOSES = [
  { id: 'treatment', description: 'Examination, treatment and health guidance at the outpatient clinic' },
  { id: 'billing', description: 'Medical fee claims to health insurers and co-payments', related: ['treatment'] },
  { id: 'vaccination', description: 'Routine immunisation of children under the Immunization Act' },
  { id: 'identity-check', description: 'Confirming by the enrolled photo that the person is the person enrolled', related: ['vaccination'] },
  { id: 'reminders', description: 'Reminders of appointments and of doses that have become due', related: ['treatment', 'vaccination'] },
  { id: 'marketing', description: 'The health newsletter and announcements of classes and events' },
  { id: 'statistics', description: 'Aggregate statistics for the prefecture and the ministry' },
  { id: 'staff-management', description: 'Personnel, payroll and safety administration of the staff' },
  { id: 'welfare', description: 'Welfare benefits and care services for residents' },
  { id: 'tax-assessment', description: 'Assessment and collection of the resident tax' },
  { id: 'school-health', description: 'Health check-ups and health guidance at the ward schools', related: ['statistics'] },
  { id: 'disaster-response', description: 'Lists of residents who need help in an evacuation', related: ['welfare'] },
];

/** Purpose ids that the catalogue does not have (planted `unknown-purpose`). */
export const UNKNOWN_PURPOSES = ['legacy-outreach', 'partner-offers', 'campaign-2019', 'resale', 'profiling'];

/** The tagged fields: name, TypeScript type, JSDoc tag. `bytes` is an optional `Uint8Array`. */
export const TAGGED_FIELDS = {
  fullName: { type: 'string', tag: '@personal name' },
  kanaName: { type: 'string', tag: '@personal name' },
  guardianName: { type: 'string', tag: '@personal name' },
  phoneNumber: { type: 'string', tag: '@personal contact' },
  guardianPhone: { type: 'string', tag: '@personal contact' },
  emailAddress: { type: 'string', tag: '@personal contact' },
  homeAddress: { type: 'string', tag: '@personal address' },
  insurerNo: { type: 'string', tag: '@personal insurance' },
  birthDate: { type: 'string', tag: '@birthDate' },
  ageYears: { type: 'number', tag: '@age' },
  diagnosisCode: { type: 'string', tag: '@specialCare medical-history', specialCare: true },
  treatmentNote: { type: 'string', tag: '@specialCare treatment', specialCare: true },
  checkupResult: { type: 'string', tag: '@specialCare checkup-result', specialCare: true },
  disabilityGrade: { type: 'number', tag: '@specialCare disability', specialCare: true },
  // Tagged as plain personal information: with `@myNumber`, `my-number-scope` would take over the planted
  // uses beyond purpose of these fields, which the generator plants as `use-beyond-purpose` (the My Number
  // rules have their fixtures in test/rules/).
  myNumber: { type: 'string', tag: '@personal identifier' },
  faceImage: { type: 'bytes', tag: '@facial', facial: true },
};

/** Untagged fields every record type draws from (`id` is always there). */
export const UNTAGGED_FIELDS = {
  id: 'string', code: 'string', status: 'string', label: 'string', category: 'string', region: 'string',
  createdAt: 'string', updatedAt: 'string', locale: 'string', source: 'string', batchNo: 'string',
  version: 'number', quantity: 'number', amount: 'number', priority: 'number', sortOrder: 'number', score: 'number',
  active: 'boolean', archived: 'boolean', verified: 'boolean',
};

/** The field of a child schema that records a parent's consent (`@parentalConsent`); untagged. */
export const CONSENT_FIELD = 'parentalConsent';

/**
 * The kinds of records that carry personal information. `facial: 'child'` schemas may describe children
 * (no `@minimumAge`, or one under 16) and need a consent check on every photo; `'adult'` ones declare
 * `@minimumAge 18`.
 */
export const DOMAINS = [
  { key: 'patient', area: 'clinic', nouns: ['Patient', 'Outpatient', 'Inpatient', 'Referral'], purposes: ['treatment', 'billing'],
    fields: ['fullName', 'kanaName', 'birthDate', 'phoneNumber', 'homeAddress', 'diagnosisCode', 'treatmentNote', 'insurerNo'], file: 'Patient Registry' },
  { key: 'child', area: 'vaccination', nouns: ['Child', 'Infant', 'Toddler'], purposes: ['vaccination', 'identity-check'],
    fields: ['fullName', 'birthDate', 'guardianName', 'guardianPhone', 'treatmentNote'], facial: 'child', file: 'Vaccination Records' },
  { key: 'subscriber', area: 'newsletter', nouns: ['Subscriber', 'Reader', 'ClassAttendee'], purposes: ['marketing'],
    fields: ['fullName', 'emailAddress', 'homeAddress'], file: 'Newsletter Mailing List', exemption: 'mailing' },
  { key: 'staff', area: 'staff', nouns: ['StaffMember', 'Nurse', 'Clerk', 'Volunteer'], purposes: ['staff-management'],
    fields: ['fullName', 'phoneNumber', 'myNumber', 'homeAddress'], facial: 'adult', minimumAge: 18, file: 'Staff Register', exemption: 'personnel' },
  { key: 'checkup', area: 'checkups', nouns: ['CheckupBooking', 'Screening', 'CancerScreening'], purposes: ['treatment', 'reminders'],
    fields: ['fullName', 'birthDate', 'checkupResult', 'phoneNumber'], file: 'Checkup Bookings' },
  { key: 'welfare', area: 'welfare', nouns: ['BenefitApplicant', 'CareRecipient', 'Household'], purposes: ['welfare', 'disaster-response'],
    fields: ['fullName', 'homeAddress', 'disabilityGrade', 'ageYears', 'phoneNumber'], file: 'Welfare Recipients' },
  { key: 'taxpayer', area: 'tax', nouns: ['Taxpayer', 'Resident', 'Withholding'], purposes: ['tax-assessment'],
    fields: ['fullName', 'homeAddress', 'myNumber', 'birthDate'], file: 'Resident Tax Ledger' },
  { key: 'pupil', area: 'schools', nouns: ['Pupil', 'SchoolChild', 'Student'], purposes: ['school-health', 'statistics'],
    fields: ['fullName', 'birthDate', 'checkupResult', 'guardianName'], facial: 'child', minimumAge: 6, file: 'School Health Records' },
];

/** Record kinds without personal information. */
export const PLAIN_NOUNS = [
  'Appointment', 'Invoice', 'Ward', 'Bed', 'Device', 'Vendor', 'Shift', 'Room', 'Clinic', 'Batch', 'Lot', 'Form',
  'Notice', 'Report', 'Slot', 'Queue', 'Ticket', 'Route', 'Office', 'Budget', 'Contract', 'Supply', 'Order', 'Audit',
  'Vaccine', 'Dose', 'Claim', 'Fee', 'Tariff', 'Building', 'Vehicle', 'Event', 'Campaign', 'Survey', 'Template',
];
export const PLAIN_QUALIFIERS = [
  '', 'Summary', 'Draft', 'Line', 'Entry', 'Settings', 'Snapshot', 'Request', 'Result', 'Status', 'Item', 'Page',
  'Filter', 'Option', 'Totals', 'Window', 'Plan', 'Log',
];

/** Areas of the application code (folders under services/, handlers/, components/). */
export const AREAS = [
  'clinic', 'vaccination', 'newsletter', 'staff', 'checkups', 'welfare', 'tax', 'schools', 'billing', 'reports',
  'inventory', 'scheduling', 'admin', 'portal', 'audit', 'notices',
];

/** Packages after `model`: the first is the shared one the others may reference. */
export const PACKAGES = [
  'common', 'clinic-app', 'citizen-portal', 'back-office', 'analytics', 'mobile-api', 'batch-jobs', 'school-system',
  'welfare-desk', 'tax-office', 'kiosk', 'reporting',
];

export const VERBS = [
  'format', 'build', 'collect', 'summarise', 'describe', 'render', 'prepare', 'compute', 'resolve', 'select',
  'merge', 'validate', 'normalise', 'export', 'import', 'list', 'find', 'rank', 'group', 'schedule', 'notify',
  'archive', 'review', 'sync', 'draft', 'print', 'count', 'estimate', 'check', 'load',
];
export const OBJECTS = [
  'Label', 'Row', 'Line', 'Header', 'Card', 'Digest', 'Queue', 'Slot', 'Notice', 'Totals', 'Batch', 'Letter',
  'Entry', 'Score', 'Window', 'Plan', 'Sheet', 'Badge', 'Ticket', 'Reminder', 'Overview', 'Status', 'Outline',
];

/** Prose for JSDoc comments: what a function does. */
export const SENTENCES = [
  'Used by the reception counter during opening hours.',
  'Runs in the nightly batch before the backup.',
  'The privacy officer reviews its output every quarter.',
  'Kept short: the printer at the counter cuts long lines.',
  'Called once per record; the caller batches the writes.',
  'The result is shown to the clerk, never to the resident.',
  'Mirrors the paper form the ward used until 2019.',
  'Only the fields the screen needs are read.',
  'Numbers follow the ministry\'s reporting format.',
  'Safe to call again: it changes nothing.',
];

/** Every word a tagged field is named with, to check that untagged code never mentions one. */
export const TAGGED_NAME_PATTERN = new RegExp(`\\b(${Object.keys(TAGGED_FIELDS).join('|')})\\b`);
