import type { DesiredState } from "@lytics-access/permissions";
import { normalizeEmail } from "../plan/person-key";
import type { PlanMember, PlanProject } from "../plan/plan-input";
import type { Plan, PlanStep } from "../plan/plan-types";

/** One line of the account of a targeted run, in the order things happened. */
export interface TraceEntry {
  readonly seq: number;
  readonly phase: "read" | "decide" | "safety" | "write";
  /** The person the entry is about (as the request named them). */
  readonly person: string;
  readonly projectId?: string | undefined;
  readonly text: string;
  /** The rule that decided, for `decide` and `safety` entries. */
  readonly rule?: string | undefined;
}

/**
 * "Sync one person now" (Entra's provision on demand): collects what was read, which rule decided
 * and what was written for the people a targeted run names. A full run keeps no trace.
 */
export class PersonTrace {
  readonly entries: TraceEntry[] = [];
  private readonly people: readonly string[];

  constructor(people: readonly string[]) {
    this.people = people;
  }

  get enabled(): boolean {
    return this.people.length > 0;
  }

  add(entry: Omit<TraceEntry, "seq">): void {
    if (this.enabled) this.entries.push({ seq: this.entries.length + 1, ...entry });
  }

  private matches(name: string, uid: string | null, email: string | null): boolean {
    return name === uid || (email !== null && normalizeEmail(name) === normalizeEmail(email));
  }

  /** What the listings said about each person: the member record, then each project's roles. */
  reads(members: readonly PlanMember[], projects: readonly PlanProject[]): void {
    for (const person of this.people) {
      const member = members.find((m) => this.matches(person, m.uid, m.email));
      this.add({
        phase: "read",
        person,
        text: member
          ? `Contentstack member ${member.email} (uid ${member.uid ?? "none"}): org role ${member.orgRole}${member.isGuest ? " (guest)" : ""}, ${member.status}${member.grantedLevel ? `, granted level ${member.grantedLevel}` : ""}.`
          : "Not in the organization's member listing.",
      });
      for (const project of projects) {
        const entry = project.collaborators.find((c) => this.matches(person, c.userUid, c.email));
        this.add({
          phase: "read",
          person,
          projectId: project.id,
          text: entry
            ? `On Lytics project ${project.name}: [${entry.roles.join(", ")}] (Lytics user ${entry.userUid}).`
            : `Not on Lytics project ${project.name}.`,
        });
      }
    }
  }

  /** Which rule decided each project: the desired sources, or why nobody grants anything. */
  decisions(plan: Plan, desired: DesiredState, members: readonly PlanMember[]): void {
    for (const person of this.people) {
      const member = members.find((m) => this.matches(person, m.uid, m.email));
      const key = member ? (member.uid ?? normalizeEmail(member.email)) : normalizeEmail(person);
      for (const project of desired.projects) {
        const user = project.users.find((u) => u.uid === key);
        const step = plan.steps.find(
          (s) =>
            s.projectId === project.projectId && this.matches(person, s.person.uid, s.person.email),
        );
        if (user) {
          for (const source of user.sources)
            this.add({
              phase: "decide",
              person,
              projectId: project.projectId,
              rule: source.rule,
              text: `${source.reason} -> [${source.roles.join(", ")}]`,
            });
        } else if (step) {
          for (const why of step.why)
            this.add({
              phase: "decide",
              person,
              projectId: project.projectId,
              rule: why.rule,
              text: why.text,
            });
        } else {
          this.add({
            phase: "decide",
            person,
            projectId: project.projectId,
            text: "No rule grants anything here, and there is nothing to remove.",
          });
        }
        this.add({
          phase: "decide",
          person,
          projectId: project.projectId,
          text: step ? `Plan: ${describe(step)}.` : "Plan: nothing to change.",
        });
      }
    }
  }

  /** A step of one of the traced people was written, skipped or held back. */
  step(step: PlanStep, text: string): void {
    for (const person of this.people)
      if (this.matches(person, step.person.uid, step.person.email))
        this.add({
          phase: "write",
          person,
          projectId: step.projectId,
          text: `${describe(step)}: ${text}`,
        });
  }

  /** A fact that applies to every traced person (held, aborted, dry run). */
  all(phase: TraceEntry["phase"], text: string, rule?: string): void {
    for (const person of this.people) this.add({ phase, person, text, rule });
  }

  /** Whether any step of the plan is about a traced person. */
  touches(plan: Plan): boolean {
    return plan.steps.some((step) =>
      this.people.some((p) => this.matches(p, step.person.uid, step.person.email)),
    );
  }
}

function describe(step: PlanStep): string {
  switch (step.kind) {
    case "invite":
      return `invite to ${step.projectName} with [${step.roles.join(", ")}]`;
    case "replace-roles":
      return `replace roles on ${step.projectName}: [${step.before.join(", ")}] -> [${step.after.join(", ")}]${step.drift ? " (drift)" : ""}`;
    case "remove":
      return `remove from ${step.projectName} (had [${step.before.join(", ")}])`;
  }
}
