import type { Rule } from '../engine/rule';
import { annotationInvalid } from './annotation-invalid';
import { minorFacialConsent } from './minor-facial-consent';
import { missingPurpose } from './missing-purpose';
import { myNumberLiteral } from './my-number-literal';
import { myNumberScope } from './my-number-scope';
import { personalDataInLog } from './personal-data-in-log';
import { possiblyPersonal } from './possibly-personal';
import { registerIncomplete } from './register-incomplete';
import { registerInvalid } from './register-invalid';
import { registerMismatch } from './register-mismatch';
import { registerUnknownKey } from './register-unknown-key';
import { specialCareConsent } from './special-care-consent';
import { suppression } from './suppression';
import { uncheckedUse } from './unchecked-use';
import { unknownPurpose } from './unknown-purpose';
import { unregisteredFile } from './unregistered-file';
import { useBeyondPurpose } from './use-beyond-purpose';

/** Every rule, in the order the docs list them. */
export const rules: readonly Rule[] = [
  useBeyondPurpose,
  personalDataInLog,
  missingPurpose,
  unknownPurpose,
  minorFacialConsent,
  specialCareConsent,
  myNumberScope,
  myNumberLiteral,
  unregisteredFile,
  registerMismatch,
  registerIncomplete,
  registerInvalid,
  registerUnknownKey,
  suppression,
  annotationInvalid,
  possiblyPersonal,
  uncheckedUse,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.meta.id, rule]));

export type { Rule, RuleMeta } from '../engine/rule';
