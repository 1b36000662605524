/**
 * Field names that look like personal information, by kind, with the tag each suggests: the dictionary the
 * `possibly-personal` rule reads to suggest a tag for an untagged field. Data only; `name-words.ts` matches
 * names against it, and docs/personal-names.md documents every word here (a test keeps the two in step).
 *
 * Latin words are written as a field would be (`dateOfBirth`): the matcher compares them case-insensitively,
 * word by word, so `date_of_birth`, `DATE-OF-BIRTH` and `dateofbirth` match too. Japanese words match inside
 * a name. A word that is often something else (`healthCheck`, `keitai`, a lone `障害`) is left out: the
 * documentation says why, word by word.
 */

import type { specialCareCategories } from './vocabulary';

export type SuggestedTag = 'personal' | 'birthDate' | 'age' | 'specialCare' | 'facial' | 'myNumber';
export type PersonalKind = 'name' | 'address' | 'contact' | 'identifier';
export type NameLanguage = 'english' | 'romanised' | 'japanese';
/** The groups the documentation and the tests are laid out by. */
export type EntryKind = 'name' | 'birth-date' | 'age' | 'address' | 'contact' | 'identifier' | 'health' | 'face' | 'other-special-care';

export interface PersonalNameEntry {
  readonly kind: EntryKind;
  readonly tag: SuggestedTag;
  /** `@personal`'s kind, or `@specialCare`'s category. */
  readonly argument?: PersonalKind | (typeof specialCareCategories)[number];
  readonly language: NameLanguage;
  readonly words: readonly string[];
}

export const personalNames: readonly PersonalNameEntry[] = [
  // Names. `kana`, `furigana` and `yomigana` are Japanese words, so they are listed as romanised.
  {
    kind: 'name',
    tag: 'personal',
    argument: 'name',
    language: 'english',
    words: ['name', 'fullName', 'firstName', 'lastName', 'givenName', 'familyName', 'middleName', 'maidenName', 'nickname'],
  },
  { kind: 'name', tag: 'personal', argument: 'name', language: 'romanised', words: ['shimei', 'namae', 'kana', 'furigana', 'yomigana'] },
  {
    kind: 'name',
    tag: 'personal',
    argument: 'name',
    language: 'japanese',
    words: ['氏名', '名前', '姓名', '姓', '名', 'フリガナ', 'ふりがな', 'カナ', 'よみがな'],
  },

  { kind: 'birth-date', tag: 'birthDate', language: 'english', words: ['birthDate', 'birthday', 'dob', 'dateOfBirth'] },
  { kind: 'birth-date', tag: 'birthDate', language: 'romanised', words: ['seinengappi', 'tanjobi', 'tanjoubi'] },
  { kind: 'birth-date', tag: 'birthDate', language: 'japanese', words: ['生年月日', '誕生日'] },

  { kind: 'age', tag: 'age', language: 'english', words: ['age'] },
  { kind: 'age', tag: 'age', language: 'romanised', words: ['nenrei'] },
  { kind: 'age', tag: 'age', language: 'japanese', words: ['年齢'] },

  {
    kind: 'address',
    tag: 'personal',
    argument: 'address',
    language: 'english',
    words: ['address', 'homeAddress', 'street', 'postalCode', 'zipCode', 'postcode'],
  },
  { kind: 'address', tag: 'personal', argument: 'address', language: 'romanised', words: ['jusho', 'juusho', 'yubinBango'] },
  { kind: 'address', tag: 'personal', argument: 'address', language: 'japanese', words: ['住所', '郵便番号'] },

  {
    kind: 'contact',
    tag: 'personal',
    argument: 'contact',
    language: 'english',
    words: ['phone', 'tel', 'telephone', 'mobileNumber', 'fax', 'email', 'emailAddress', 'mail', 'mailAddress'],
  },
  { kind: 'contact', tag: 'personal', argument: 'contact', language: 'romanised', words: ['denwa', 'keitaiBango'] },
  { kind: 'contact', tag: 'personal', argument: 'contact', language: 'japanese', words: ['電話', '携帯', 'メール', 'メールアドレス'] },

  { kind: 'identifier', tag: 'myNumber', language: 'english', words: ['myNumber', 'individualNumber'] },
  { kind: 'identifier', tag: 'myNumber', language: 'romanised', words: ['kojinBango', 'kojinBangou'] },
  { kind: 'identifier', tag: 'myNumber', language: 'japanese', words: ['個人番号', 'マイナンバー'] },
  {
    kind: 'identifier',
    tag: 'personal',
    argument: 'identifier',
    language: 'english',
    words: [
      'insuranceNumber',
      'passportNumber',
      'passportNo',
      'driversLicense',
      'driverLicense',
      'residentCard',
      'ssn',
      'socialSecurityNumber',
    ],
  },
  { kind: 'identifier', tag: 'personal', argument: 'identifier', language: 'romanised', words: ['hihokenshaBango', 'zairyuCard'] },
  {
    kind: 'identifier',
    tag: 'personal',
    argument: 'identifier',
    language: 'japanese',
    words: ['被保険者番号', '旅券番号', '免許証番号', '運転免許証', '在留カード'],
  },

  {
    kind: 'health',
    tag: 'specialCare',
    argument: 'medical-history',
    language: 'english',
    words: ['diagnosis', 'diagnoses', 'disease', 'illness', 'medicalCondition', 'medicalHistory', 'anamnesis', 'allergy'],
  },
  { kind: 'health', tag: 'specialCare', argument: 'medical-history', language: 'romanised', words: ['byomei', 'byoreki', 'kioureki'] },
  {
    kind: 'health',
    tag: 'specialCare',
    argument: 'medical-history',
    language: 'japanese',
    words: ['病名', '病歴', '既往歴', '診断名', 'アレルギー'],
  },
  {
    kind: 'health',
    tag: 'specialCare',
    argument: 'treatment',
    language: 'english',
    words: ['medication', 'prescription', 'treatment', 'treatmentPlan'],
  },
  { kind: 'health', tag: 'specialCare', argument: 'treatment', language: 'romanised', words: ['shoho', 'toyaku'] },
  { kind: 'health', tag: 'specialCare', argument: 'treatment', language: 'japanese', words: ['処方', '投薬', '治療'] },
  {
    kind: 'health',
    tag: 'specialCare',
    argument: 'checkup-result',
    language: 'english',
    words: ['checkupResult', 'healthCheckup', 'medicalCheckup'],
  },
  { kind: 'health', tag: 'specialCare', argument: 'checkup-result', language: 'romanised', words: ['kenshin'] },
  { kind: 'health', tag: 'specialCare', argument: 'checkup-result', language: 'japanese', words: ['健診', '検診', '健康診断'] },
  { kind: 'health', tag: 'specialCare', argument: 'disability', language: 'english', words: ['disability', 'disabilityGrade', 'handicap'] },
  { kind: 'health', tag: 'specialCare', argument: 'disability', language: 'romanised', words: ['shogaisha'] },
  { kind: 'health', tag: 'specialCare', argument: 'disability', language: 'japanese', words: ['障害者', '障害等級', '障がい'] },

  { kind: 'face', tag: 'facial', language: 'english', words: ['faceImage', 'facePhoto', 'faceFeatures', 'portrait'] },
  { kind: 'face', tag: 'facial', language: 'romanised', words: ['kaoShashin', 'kaoGazo'] },
  { kind: 'face', tag: 'facial', language: 'japanese', words: ['顔写真', '顔画像'] },

  { kind: 'other-special-care', tag: 'specialCare', argument: 'race', language: 'english', words: ['race', 'ethnicity'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'race', language: 'romanised', words: ['jinshu'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'race', language: 'japanese', words: ['人種'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'creed', language: 'english', words: ['religion', 'creed'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'creed', language: 'romanised', words: ['shukyo'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'creed', language: 'japanese', words: ['信条', '宗教', '信仰'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'social-status', language: 'english', words: ['caste'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'social-status', language: 'romanised', words: ['shakaitekiMibun'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'social-status', language: 'japanese', words: ['社会的身分'] },
  {
    kind: 'other-special-care',
    tag: 'specialCare',
    argument: 'criminal-record',
    language: 'english',
    words: ['criminalRecord', 'convictions'],
  },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'criminal-record', language: 'romanised', words: ['hanzaiReki'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'criminal-record', language: 'japanese', words: ['犯罪歴', '前科'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'crime-victim', language: 'english', words: ['crimeVictim'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'crime-victim', language: 'romanised', words: ['hanzaiHigai'] },
  { kind: 'other-special-care', tag: 'specialCare', argument: 'crime-victim', language: 'japanese', words: ['犯罪被害'] },
];

/**
 * Words too common in other senses to match anywhere (`fileName`, `maxAge`, `raceCondition`,
 * `treatmentGroup`, `会社名カナ`): they match only as the last word of a name, after nothing, a person word or
 * other words of a name (`name`, `patientName`, `nameKana`, `guardianFirstNameKana`).
 */
export const headWords: readonly string[] = [
  'name',
  'namae',
  'kana',
  'furigana',
  'yomigana',
  'age',
  'treatment',
  'portrait',
  'race',
  'カナ',
  'フリガナ',
  'ふりがな',
  'よみがな',
];

/** Words naming an individual, which may stand before a head word (`patientAge`, `患者カナ`). */
export const personWords: Readonly<Record<NameLanguage, readonly string[]>> = {
  english: [
    'patient',
    'customer',
    'member',
    'guardian',
    'parent',
    'child',
    'spouse',
    'mother',
    'father',
    'employee',
    'staff',
    'person',
    'applicant',
    'student',
    'recipient',
    'contact',
    'insured',
    'holder',
    'doctor',
    'nurse',
  ],
  romanised: ['kanja', 'kaiin', 'kokyaku', 'hogosha', 'shain', 'jugyoin', 'honnin'],
  japanese: ['患者', '会員', '顧客', '保護者', '本人', '家族', '従業員', '社員', '職員', '契約者', '申込者', '被保険者'],
};

/** Words that, just before any other word, make it a thing's and not an individual's (`companyPhone`, `ipAddress`). */
export const thingWords: Readonly<Record<NameLanguage, readonly string[]>> = {
  english: [
    'company',
    'corporate',
    'organization',
    'organisation',
    'hospital',
    'clinic',
    'facility',
    'store',
    'shop',
    'branch',
    'vendor',
    'supplier',
    'support',
    'product',
    'file',
    'font',
    'ip',
    'ipv',
    'mac',
    'http',
    'host',
    'server',
    'remote',
    'local',
    'bind',
    'memory',
    'wallet',
    'network',
    'gateway',
    'proxy',
    'device',
    // Aggregates: `consultationsByDisease`, `casesPerDiagnosis` count people, they describe no one.
    'by',
    'per',
  ],
  romanised: ['kaisha', 'byoin', 'tenpo', 'jigyosho'],
  japanese: ['会社', '法人', '病院', '医療機関', '店舗', '事業所'],
};

/**
 * Latin words that, anywhere after a match, make the field about the information rather than the
 * information itself: a reference to it, its format, a flag (`emailTemplate`, `treatmentPlanId`,
 * `phoneVerified`, `postalCodePattern`).
 */
export const aboutWords: readonly string[] = [
  'id',
  'ids',
  'uuid',
  'key',
  'keys',
  'template',
  'format',
  'pattern',
  'regex',
  'label',
  'placeholder',
  'hint',
  'field',
  'column',
  'count',
  'counts',
  // Aggregates and classifications: `diseaseGroup`, `diagnosisCategory`, `diseaseStats`.
  'group',
  'groups',
  'category',
  'categories',
  'stats',
  'statistics',
  'total',
  'totals',
  'rate',
  'ratio',
  'length',
  'max',
  'min',
  'limit',
  'enabled',
  'flag',
  'visible',
  'required',
  'verified',
  'validation',
  'validator',
  'condition',
  'conditions',
  'server',
  'host',
  'port',
  'provider',
  'config',
  'settings',
  'subject',
  'queue',
];
