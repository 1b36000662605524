import { rulesById } from '../rules';

/**
 * A rule made to fail on purpose, for the tests that show a failing rule is logged and the server goes on
 * (`APPI_GUARD_FAIL_RULE=<rule id>`). Nothing else reads this variable.
 */
export function injectFaults(env: NodeJS.ProcessEnv): void {
  const id = env.APPI_GUARD_FAIL_RULE;
  const rule = id === undefined ? undefined : rulesById.get(id);
  if (!rule) return;
  const fail = (): never => {
    throw new Error(`${rule.meta.id} failed on purpose (APPI_GUARD_FAIL_RULE)`);
  };
  Object.assign(rule, { ...(rule.checkSource && { checkSource: fail }), ...(rule.checkRegister && { checkRegister: fail }) });
}
