// The same fixture with every project's Lytics users as a plan left them: a world in its steady
// state (the next full reconcile has nothing to do) without spending minutes of rate-limited
// writes to get there. The plan's steps are applied to the fixture the way the Lytics emulator
// applies the calls: an invitation makes a user tied to the Contentstack account of that email
// when one exists (an open `invite_<id>` otherwise), a role change replaces the roles, a removal
// drops the user from the project; and the removals the last-Admin guard deferred are made.
import type { Fixture, FixtureLyticsUser } from "@lytics-access/emulators";
import type { Plan } from "@lytics-access/sync";

export function convergedFixture(fixture: Fixture, plan: Plan): Fixture {
  const accountOf = new Map(
    fixture.lytics.accounts.map((account) => [account.project_uid, account]),
  );
  const personByEmail = new Map(
    fixture.people.map((person) => [person.email.toLowerCase(), person]),
  );
  const users = new Map(
    fixture.lytics.accounts.map((account) => [
      account.project_uid,
      new Map(account.users.map((user) => [user.cs_user_uid ?? `invite_${user.id}`, { ...user }])),
    ]),
  );
  let invited = 0;
  for (const step of plan.steps) {
    const project = users.get(step.projectId);
    if (!project || !accountOf.has(step.projectId))
      throw new Error(`the plan names project ${step.projectId}, which the fixture lacks`);
    if (step.kind === "invite") {
      const person = personByEmail.get(step.email.toLowerCase());
      invited += 1;
      const user: FixtureLyticsUser = {
        id: `lu_converged_${invited}`,
        email: step.email,
        name: person ? `${person.first_name} ${person.last_name}` : step.email,
        cs_user_uid: person?.uid ?? null,
        roles: [...step.roles],
      };
      project.set(user.cs_user_uid ?? `invite_${user.id}`, user);
    } else if (step.kind === "replace-roles") {
      const user = project.get(step.lyticsUserUid);
      if (!user) throw new Error(`no Lytics user ${step.lyticsUserUid} on ${step.projectId}`);
      user.roles = [...step.after];
    } else project.delete(step.lyticsUserUid);
  }
  // The removals the last-Admin guard put off (the new Admins' invitations were not yet theirs)
  // are what the run after would make: made here too, so the world is converged.
  for (const notice of plan.notices) {
    if (notice.kind !== "last-admin-kept" || !notice.message.startsWith("Removing")) continue;
    const project = users.get(notice.projectId);
    if (!project) continue;
    if (!project.delete(notice.person))
      for (const [key, user] of project)
        if (user.email.toLowerCase() === notice.person.toLowerCase()) project.delete(key);
  }
  return {
    ...fixture,
    lytics: {
      accounts: fixture.lytics.accounts.map((account) => ({
        ...account,
        users: [...(users.get(account.project_uid)?.values() ?? [])],
      })),
    },
  };
}
