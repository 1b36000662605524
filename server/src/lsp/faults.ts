import { rulesById } from '../rules';

/**
 * Failures on purpose, for the tests that show a failing rule or request is logged with its id and the
 * server goes on: `APPI_GUARD_FAIL_RULE=<rule id>` makes the rule throw; `APPI_GUARD_FAIL_REQUEST=<method>`
 * makes that request's handler throw. Nothing else reads these variables.
 */
export interface Faults {
  /** The request method whose handler throws. */
  readonly request?: string;
}

export function injectFaults(env: NodeJS.ProcessEnv): Faults {
  failRule(env.APPI_GUARD_FAIL_RULE);
  return env.APPI_GUARD_FAIL_REQUEST ? { request: env.APPI_GUARD_FAIL_REQUEST } : {};
}

function failRule(id: string | undefined): void {
  const rule = id === undefined ? undefined : rulesById.get(id);
  if (!rule) return;
  const fail = (): never => {
    throw new Error(`${rule.meta.id} failed on purpose (APPI_GUARD_FAIL_RULE)`);
  };
  Object.assign(rule, { ...(rule.checkSource && { checkSource: fail }), ...(rule.checkRegister && { checkRegister: fail }) });
}
