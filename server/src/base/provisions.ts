/**
 * The provisions findings cite (docs/rules/README.md, "Provisions"): today's APPI article and, for administrative organs, the article
 * of Act No. 58 of 2003 it replaced.
 */
export const provisions = {
  purposeSpecified: 'APPI Art. 17(1); for administrative organs Art. 61(1) (formerly Act No. 58 of 2003 Art. 3(1))',
  beyondPurpose: 'APPI Art. 18(1); for administrative organs Art. 61(2) and 69(1) (formerly Act No. 58 of 2003 Art. 3(2) and 8(1))',
  changeOfPurpose: 'APPI Art. 17(2); for administrative organs Art. 61(3) (formerly Act No. 58 of 2003 Art. 3(3))',
  exceptions: 'APPI Art. 18(3); for administrative organs Art. 69(2) (formerly Act No. 58 of 2003 Art. 8(2))',
  purposeCatalogue:
    'APPI Art. 17(1) and 21(1); for administrative organs Art. 61(1) and 74(1)(iii) (formerly Act No. 58 of 2003 Art. 3(1) and 10(1)(iii))',
  fileNotice: 'APPI Art. 74(1) (formerly Act No. 58 of 2003 Art. 10(1))',
  fileRegister: 'APPI Art. 74(1) and 75 with Cabinet Order Art. 20 (formerly Act No. 58 of 2003 Art. 10(1) and 11)',
  fileExemptions: 'APPI Art. 74(2) (formerly Act No. 58 of 2003 Art. 10(2))',
  register: 'APPI Art. 75 with Cabinet Order Art. 20 (formerly Act No. 58 of 2003 Art. 11)',
  securityControl: 'APPI Art. 23; for administrative organs Art. 66(1) (formerly Act No. 58 of 2003 Art. 6(1))',
  annotations: 'the annotation language (docs/annotations.md)',
  minorFacial:
    'APPI Art. 20(1) (proper acquisition; for administrative organs Art. 64, which Act No. 58 of 2003 did not have), facial feature data being personal information under Art. 2(2) with Cabinet Order Art. 1, and the 2026 APPI amendment bill (the consent of a parent or legal representative for a child under 16)',
} as const;
