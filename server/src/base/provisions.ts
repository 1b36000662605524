/**
 * The provisions findings cite (docs/rules/README.md, "Provisions"), in one place. Each has the article
 * that binds businesses (APPI Chapter IV) and the one that binds administrative organs (Chapter V, with the
 * article of Act No. 58 of 2003 it replaced). The register's `sector` says which applies; without it a
 * finding cites both (README, "Which law applies to you").
 */

/**
 * Whose code it is, as the register's `sector` says: an administrative organ (APPI Chapter V: national
 * organs, local governments, incorporated administrative agencies) or a business (Chapter IV).
 */
export const sectors = ['administrative-organ', 'business'] as const;
export type Sector = (typeof sectors)[number];

interface Provision {
  /** What binds a business (Chapter IV), or what a business's register follows when only organs are bound. */
  readonly business: string;
  /** What binds an administrative organ: `Art. …` of APPI, then the former article in parentheses. */
  readonly organ: string;
  /** Both at once, where joining the two would repeat most of them. */
  readonly both?: string;
}

/**
 * The 2026 amendment (Act No. 56 of 2026) as it stands: promulgated on 17 July 2026, in force on a day a
 * Cabinet Order sets (within two years; not yet set). Until then it is cited as not yet in force.
 */
const amendment2026 = 'the 2026 amendment (Act No. 56 of 2026), not yet in force';

const table = {
  purposeOfUse: { business: 'Art. 17–18', organ: 'Art. 61 and 69 (formerly Act No. 58 of 2003 Art. 3 and 8)' },
  purposeSpecified: { business: 'Art. 17(1)', organ: 'Art. 61(1) (formerly Act No. 58 of 2003 Art. 3(1))' },
  beyondPurpose: { business: 'Art. 18(1)', organ: 'Art. 61(2) and 69(1) (formerly Act No. 58 of 2003 Art. 3(2) and 8(1))' },
  changeOfPurpose: { business: 'Art. 17(2)', organ: 'Art. 61(3) (formerly Act No. 58 of 2003 Art. 3(3))' },
  exceptions: { business: 'Art. 18(3)', organ: 'Art. 69(2) (formerly Act No. 58 of 2003 Art. 8(2))' },
  purposeCatalogue: {
    business: 'Art. 17(1) and 21(1)',
    organ: 'Art. 61(1) and 74(1)(iii) (formerly Act No. 58 of 2003 Art. 3(1) and 10(1)(iii))',
  },
  securityControl: { business: 'Art. 23', organ: 'Art. 66(1) (formerly Act No. 58 of 2003 Art. 6(1))' },
  minorFacial: {
    business: `Art. 20(1) (proper acquisition), facial feature data being personal information under Art. 2(2) with Cabinet Order Art. 1, and ${amendment2026} (the consent of a parent or legal representative for a child under 16)`,
    organ: `Art. 64 (proper acquisition, which Act No. 58 of 2003 did not have), facial feature data being personal information under Art. 2(2) with Cabinet Order Art. 1, and ${amendment2026} (the consent of a parent or legal representative for a child under 16)`,
    both: `Art. 20(1) (proper acquisition; for administrative organs Art. 64, which Act No. 58 of 2003 did not have), facial feature data being personal information under Art. 2(2) with Cabinet Order Art. 1, and ${amendment2026} (the consent of a parent or legal representative for a child under 16)`,
  },
} as const satisfies Record<string, Provision>;

/**
 * Provisions that bind administrative organs only (Chapter V): a business keeps a register as an internal
 * control, modelled on them, and a finding says so rather than cite a duty it does not have.
 */
const organsOnly = {
  fileNotice: 'Art. 74(1) (formerly Act No. 58 of 2003 Art. 10(1))',
  fileRegister: 'Art. 74(1) and 75 with Cabinet Order Art. 20 (formerly Act No. 58 of 2003 Art. 10(1) and 11)',
  fileExemptions: 'Art. 74(2) (formerly Act No. 58 of 2003 Art. 10(2))',
  register: 'Art. 75 with Cabinet Order Art. 20 (formerly Act No. 58 of 2003 Art. 11)',
} as const;

/**
 * Provisions cited alike whatever the sector: the My Number Act's, binding everyone; Art. 20(2), whose rule
 * runs only for businesses; and the annotation language, which is no law.
 */
const everyone = {
  // Chapter V has no such clause: the rule does not run for administrative organs (Art. 61 limits what they acquire).
  specialCareConsent: 'APPI Art. 20(2) (prior consent to acquire special care-required personal information)',
  myNumberUse: 'My Number Act Art. 9 (scope of use)',
  myNumberProvision: 'My Number Act Art. 19 (provision)',
  myNumberCollection: 'My Number Act Art. 20 (collection and storage), with the check digit of MIC Ordinance No. 85 of 2014 Art. 5',
  annotations: 'the annotation language (docs/annotations.md)',
  // The definitions, the same for both chapters: what makes a field worth tagging.
  personalInformation: 'APPI Art. 2(1) to 2(3) (what personal information is)',
} as const;

type Key = keyof typeof table | keyof typeof organsOnly | keyof typeof everyone;
export type Citations = Readonly<Record<Key, string>>;

/** Each sector's citations, made once: every finding's message asks for them. */
const bySector = new Map<Sector | undefined, Citations>();

/** The citations for code of one sector; with none, both chapters' (the form `meta.provision` uses). */
export function citationsFor(sector: Sector | undefined): Citations {
  let cited = bySector.get(sector);
  if (!cited) {
    cited = citationsOf(sector);
    bySector.set(sector, cited);
  }
  return cited;
}

function citationsOf(sector: Sector | undefined): Citations {
  const cited = {} as Record<Key, string>;
  for (const [key, provision] of Object.entries(table) as [keyof typeof table, Provision][]) {
    cited[key] =
      sector === 'business'
        ? `APPI ${provision.business}`
        : sector === 'administrative-organ'
          ? `APPI ${provision.organ}`
          : `APPI ${provision.both ?? `${provision.business}; for administrative organs ${provision.organ}`}`;
  }
  for (const [key, articles] of Object.entries(organsOnly) as [keyof typeof organsOnly, string][]) {
    cited[key] =
      sector === 'business'
        ? `for administrative organs APPI ${articles}; a business's register is an internal control`
        : `APPI ${articles}`;
  }
  return { ...cited, ...everyone };
}

/** Both chapters' citations: what each rule's `meta.provision` and docs page state. */
export const provisions: Citations = citationsFor(undefined);
