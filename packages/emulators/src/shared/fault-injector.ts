import { randomUUID } from "node:crypto";

import { faultRuleSchema, type Fault, type FaultRule, type FaultRuleInput } from "./fault";

/** Holds the active fault rules of one emulator and decides which fault, if any, a call gets. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...faultRuleSchema.parse(input), id: randomUUID(), seen: 0, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, counting it against every matching rule. First matching rule wins. */
  match(method: string, route: string): Fault | undefined {
    let chosen: Fault | undefined;
    for (const rule of this.rules) {
      if (rule.route !== "*" && rule.route !== route) continue;
      if (rule.method && rule.method !== method.toUpperCase()) continue;
      rule.seen += 1;
      if (chosen || rule.seen <= rule.after) continue;
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      rule.hits += 1;
      chosen = rule.fault;
    }
    return chosen;
  }
}
