/**
 * The dictionary of personal-information field names and its matcher (docs/personal-names.md): tables of
 * field names and the tag each suggests, written as the tag would be (`personal name`), one table per kind
 * with English, romanised and Japanese rows; names that must not match; and the data, the matcher and the
 * documentation kept in step.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { personalNameMatch } from 'appi-guard-server/annotations/name-words';
import { aboutWords, headWords, personalNames, personWords, thingWords } from 'appi-guard-server/annotations/personal-names';

const repository = path.resolve(__dirname, '../../..');

/** The suggested tag as it would be written, `personal name`, or `-` for none. */
function suggested(name: string): string {
  const match = personalNameMatch(name);
  return match ? [match.tag, match.argument].filter(Boolean).join(' ') : '-';
}

function check(table: readonly (readonly [name: string, tag: string])[]): void {
  for (const [name, tag] of table) assert.equal(suggested(name), tag, name);
}

describe('personal names suggest a tag', () => {
  it('names', () => {
    check([
      ['name', 'personal name'],
      ['patientFullName', 'personal name'],
      ['guardian_first_name', 'personal name'],
      ['LAST_NAME', 'personal name'],
      ['firstname', 'personal name'],
      ['given-name', 'personal name'],
      ['familyName', 'personal name'],
      ['middleName', 'personal name'],
      ['maidenName', 'personal name'],
      ['nickName', 'personal name'],
      ['patientName', 'personal name'],
      ['contactName', 'personal name'],
      ['names', 'personal name'],
      ['name2', 'personal name'],
      ['nameKana', 'personal name'],
      ['patientFirstNameKana', 'personal name'],
      ['kanjaShimei', 'personal name'],
      ['shimei_kana', 'personal name'],
      ['namae', 'personal name'],
      ['furigana', 'personal name'],
      ['yomigana', 'personal name'],
      ['氏名', 'personal name'],
      ["'患者氏名'", 'personal name'],
      ['名前', 'personal name'],
      ['姓名', 'personal name'],
      ['姓', 'personal name'],
      ['名', 'personal name'],
      ['患者名', 'personal name'],
      ['名_カナ', 'personal name'],
      ['氏名フリガナ', 'personal name'],
      ['ふりがな', 'personal name'],
      ['カナ', 'personal name'],
      ['患者カナ', 'personal name'],
      ['よみがな', 'personal name'],
    ]);
  });

  it('birth dates', () => {
    check([
      ['birthDate', 'birthDate'],
      ['birthday', 'birthDate'],
      ['patientDOB', 'birthDate'],
      ['date_of_birth', 'birthDate'],
      ['dateofbirth', 'birthDate'],
      ['seinengappi', 'birthDate'],
      ['seinenGappi', 'birthDate'],
      ['tanjobi', 'birthDate'],
      ['tanjoubi', 'birthDate'],
      ['生年月日', 'birthDate'],
      ['誕生日', 'birthDate'],
    ]);
  });

  it('ages', () => {
    check([
      ['age', 'age'],
      ['patientAge', 'age'],
      ['AGE', 'age'],
      ['nenrei', 'age'],
      ['kanjaNenrei', 'age'],
      ['年齢', 'age'],
      ['患者年齢', 'age'],
    ]);
  });

  it('addresses', () => {
    check([
      ['address', 'personal address'],
      ['homeAddress', 'personal address'],
      ['shippingAddress', 'personal address'],
      ['mailingAddress', 'personal address'],
      ['addressLine1', 'personal address'],
      ['addresses', 'personal address'],
      ['street', 'personal address'],
      ['streetName', 'personal address'],
      ['postalCode', 'personal address'],
      ['ZIPCode', 'personal address'],
      ['zipcode', 'personal address'],
      ['postcode', 'personal address'],
      ['jusho', 'personal address'],
      ['juusho', 'personal address'],
      ['yubin_bango', 'personal address'],
      ['住所', 'personal address'],
      ['郵便番号', 'personal address'],
    ]);
  });

  it('phone numbers and mail', () => {
    check([
      ['phone', 'personal contact'],
      ['guardianPhone', 'personal contact'],
      ['phoneNumber', 'personal contact'],
      ['tel', 'personal contact'],
      ['telephone', 'personal contact'],
      ['mobileNumber', 'personal contact'],
      ['mobilePhone', 'personal contact'],
      ['fax', 'personal contact'],
      ['email', 'personal contact'],
      ['e-mail', 'personal contact'],
      ['emailAddress', 'personal contact'],
      ['mail', 'personal contact'],
      ['mailAddress', 'personal contact'],
      ['emails', 'personal contact'],
      ['denwa', 'personal contact'],
      ['denwaBango', 'personal contact'],
      ['keitaiBango', 'personal contact'],
      ['電話', 'personal contact'],
      ['電話番号', 'personal contact'],
      ['携帯電話番号', 'personal contact'],
      ['携帯', 'personal contact'],
      ['メール', 'personal contact'],
      ['メールアドレス', 'personal contact'],
      ['電子メール', 'personal contact'],
    ]);
  });

  it('identifiers', () => {
    check([
      ['myNumber', 'myNumber'],
      ['individualNumber', 'myNumber'],
      ['kojinBango', 'myNumber'],
      ['kojin_bangou', 'myNumber'],
      ['個人番号', 'myNumber'],
      ['マイナンバー', 'myNumber'],
      ['insuranceNumber', 'personal identifier'],
      ['passportNumber', 'personal identifier'],
      ['passportNo', 'personal identifier'],
      ['driversLicense', 'personal identifier'],
      ['driverLicenseNumber', 'personal identifier'],
      ['residentCard', 'personal identifier'],
      ['SSN', 'personal identifier'],
      ['socialSecurityNumber', 'personal identifier'],
      ['hihokenshaBango', 'personal identifier'],
      ['zairyuCardNumber', 'personal identifier'],
      ['被保険者番号', 'personal identifier'],
      ['旅券番号', 'personal identifier'],
      ['免許証番号', 'personal identifier'],
      ['運転免許証', 'personal identifier'],
      ['在留カード番号', 'personal identifier'],
    ]);
  });

  it('health', () => {
    check([
      ['diagnosis', 'specialCare medical-history'],
      ['diagnoses', 'specialCare medical-history'],
      ['diseaseName', 'specialCare medical-history'],
      ['illness', 'specialCare medical-history'],
      ['medicalCondition', 'specialCare medical-history'],
      ['medicalHistory', 'specialCare medical-history'],
      ['anamnesis', 'specialCare medical-history'],
      ['allergies', 'specialCare medical-history'],
      ['byomei', 'specialCare medical-history'],
      ['byoreki', 'specialCare medical-history'],
      ['kioureki', 'specialCare medical-history'],
      ['病名', 'specialCare medical-history'],
      ['病歴', 'specialCare medical-history'],
      ['既往歴', 'specialCare medical-history'],
      ['診断名', 'specialCare medical-history'],
      ['アレルギー', 'specialCare medical-history'],
      ['medications', 'specialCare treatment'],
      ['prescription', 'specialCare treatment'],
      ['treatment', 'specialCare treatment'],
      ['patientTreatment', 'specialCare treatment'],
      ['treatmentPlan', 'specialCare treatment'],
      ['shoho', 'specialCare treatment'],
      ['toyaku', 'specialCare treatment'],
      ['処方', 'specialCare treatment'],
      ['投薬', 'specialCare treatment'],
      ['治療計画', 'specialCare treatment'],
      ['checkupResult', 'specialCare checkup-result'],
      ['healthCheckup', 'specialCare checkup-result'],
      ['medicalCheckup', 'specialCare checkup-result'],
      ['kenshin', 'specialCare checkup-result'],
      ['健診', 'specialCare checkup-result'],
      ['検診', 'specialCare checkup-result'],
      ['健康診断結果', 'specialCare checkup-result'],
      ['disability', 'specialCare disability'],
      ['disabilities', 'specialCare disability'],
      ['disabilityGrade', 'specialCare disability'],
      ['handicap', 'specialCare disability'],
      ['shogaisha', 'specialCare disability'],
      ['障害者手帳', 'specialCare disability'],
      ['障害等級', 'specialCare disability'],
      ['障がい', 'specialCare disability'],
    ]);
  });

  it('faces', () => {
    check([
      ['faceImage', 'facial'],
      ['facePhoto', 'facial'],
      ['faceImageUrl', 'facial'],
      ['faceFeatures', 'facial'],
      ['portrait', 'facial'],
      ['memberPortrait', 'facial'],
      ['kaoShashin', 'facial'],
      ['kaoGazo', 'facial'],
      ['顔写真', 'facial'],
      ['顔画像', 'facial'],
    ]);
  });

  it('the other special care-required categories', () => {
    check([
      ['race', 'specialCare race'],
      ['patientRace', 'specialCare race'],
      ['ethnicity', 'specialCare race'],
      ['jinshu', 'specialCare race'],
      ['人種', 'specialCare race'],
      ['religion', 'specialCare creed'],
      ['creed', 'specialCare creed'],
      ['shukyo', 'specialCare creed'],
      ['信条', 'specialCare creed'],
      ['宗教', 'specialCare creed'],
      ['信仰', 'specialCare creed'],
      ['caste', 'specialCare social-status'],
      ['shakaiteki_mibun', 'specialCare social-status'],
      ['社会的身分', 'specialCare social-status'],
      ['criminalRecord', 'specialCare criminal-record'],
      ['convictions', 'specialCare criminal-record'],
      ['hanzaiReki', 'specialCare criminal-record'],
      ['犯罪歴', 'specialCare criminal-record'],
      ['前科', 'specialCare criminal-record'],
      ['crimeVictim', 'specialCare crime-victim'],
      ['hanzaiHigai', 'specialCare crime-victim'],
      ['犯罪被害者', 'specialCare crime-victim'],
    ]);
  });
});

describe('of several matches', () => {
  it('the longest word wins, and of two as long the later', () => {
    const table = [
      ['patientFullName', 'fullName'],
      ['emailAddress', 'emailAddress'],
      ['socialSecurityNumber', 'socialSecurityNumber'],
      ['ageAtDiagnosis', 'diagnosis'],
      ['guardianPhoneNumber', 'phone'],
      ['健康診断結果', '健康診断'],
      ['携帯電話番号', '電話'],
      ['犯罪被害者', '犯罪被害'],
    ] as const;
    for (const [name, word] of table) assert.equal(personalNameMatch(name)?.word, word, name);
  });
});

describe('names that are not personal information', () => {
  it('match nothing', () => {
    check([
      // `name` only after nothing or a person: a thing's name, a login handle or a label is not an individual's.
      ['fileName', '-'],
      ['productName', '-'],
      ['companyName', '-'],
      ['companyFullName', '-'],
      ['fontFamilyName', '-'],
      ['typeName', '-'],
      ['hostName', '-'],
      ['hostname', '-'],
      ['displayName', '-'],
      ['userName', '-'],
      ['username', '-'],
      ['nameLabel', '-'],
      ['companyNameKana', '-'],
      ['namespace', '-'],
      // Dates and times that are not a birth date.
      ['eventDate', '-'],
      ['createdAt', '-'],
      // Addresses of machines and of organisations.
      ['ipAddress', '-'],
      ['ipv4Address', '-'],
      ['macAddress', '-'],
      ['HTTPAddress', '-'],
      ['serverAddress', '-'],
      ['companyAddress', '-'],
      ['hospitalPhone', '-'],
      ['supportEmail', '-'],
      // Letters of a word inside another word.
      ['page', '-'],
      ['usage', '-'],
      ['mailer', '-'],
      ['mailbox', '-'],
      ['phoneticSort', '-'],
      ['interface', '-'],
      ['passport', '-'],
      ['zip', '-'],
      // Ages that are not an individual's.
      ['maxAge', '-'],
      ['cacheAge', '-'],
      ['ageLimit', '-'],
      // About the information, not the information.
      ['emailTemplate', '-'],
      ['emailVerified', '-'],
      ['mailServer', '-'],
      ['phoneNumberFormat', '-'],
      ['postalCodePattern', '-'],
      ['treatmentPlanId', '-'],
      ['faceImageId', '-'],
      // Counts of people and classifications describe no one.
      ['consultationsByDiseaseGroup', '-'],
      ['casesPerDiagnosis', '-'],
      ['diagnosisCategory', '-'],
      ['diseaseStats', '-'],
      // Words too generic, or another sense of the word.
      ['raceCondition', '-'],
      ['condition', '-'],
      ['conditionCode', '-'],
      ['treatmentGroup', '-'],
      ['isMobile', '-'],
      ['mobile', '-'],
      ['healthCheck', '-'],
      ['healthCheckInterval', '-'],
      ['licenseNumber', '-'],
      ['isPortrait', '-'],
      ['portraitMode', '-'],
      ['insurerNumber', '-'],
      ['keitai', '-'],
      ['koyoKeitai', '-'],
      ['seimeiHoken', '-'],
      ['seiBetsu', '-'],
      ['shinkoJokyo', '-'],
      ['shogai', '-'],
      ['buraku', '-'],
      // Japanese: a one-kanji word inside a compound, katakana inside a longer word, another sense.
      ['会社名', '-'],
      ['ファイル名', '-'],
      ['名簿', '-'],
      ['会社名カナ', '-'],
      ['カナダ', '-'],
      ['メールテンプレート', '-'],
      ['会社住所', '-'],
      ['障害', '-'],
      ['システム障害', '-'],
      ['診断', '-'],
      ['自己診断', '-'],
      ['保険者番号', '-'],
    ]);
  });
});

describe('the dictionary', () => {
  const words = personalNames.flatMap((entry) => entry.words.map((word) => ({ entry, word })));

  it('matches each of its words to its own entry', () => {
    for (const { entry, word } of words) {
      const expected = entry.argument === undefined ? { tag: entry.tag, word } : { tag: entry.tag, argument: entry.argument, word };
      assert.deepEqual(personalNameMatch(word), expected, word);
    }
  });

  it('has each word once, and every head word in an entry', () => {
    const spelt = words.map(({ word }) => word.toLowerCase());
    assert.deepEqual(
      spelt.filter((word, index) => spelt.indexOf(word) !== index),
      [],
    );
    assert.deepEqual(
      headWords.filter((head) => !words.some(({ word }) => word === head)),
      [],
    );
  });

  it('is documented word by word in docs/personal-names.md', () => {
    const page = fs.readFileSync(path.join(repository, 'docs/personal-names.md'), 'utf8');
    const all = [
      ...words.map(({ word }) => word),
      ...headWords,
      ...Object.values(personWords).flat(),
      ...Object.values(thingWords).flat(),
      ...aboutWords,
    ];
    assert.deepEqual(
      all.filter((word) => !page.includes(`\`${word}\``)),
      [],
    );
  });
});
