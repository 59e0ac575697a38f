// `npm run bench`: decisions per second of the explain API, the desired-state function over
// 10,000 members x 20 projects, and the same decision checks in CASL as the reference.
// Prints the figures and writes them to the root's bench/results/permissions-decisions.json;
// nothing here asserts on time.
import { performance } from "node:perf_hooks";
import { writeBenchResult } from "../../../scripts/lib/bench-results";
import { computeDesiredState, explain, parseExplainQuery } from "../src/index";
import { caslCan, type AbilityCache } from "./casl-reference";
import { caslDesiredState } from "./casl-desired-state";
import { decisionQueries, organization, type BenchQuery } from "./workload";

/** Every rate measured, in the order printed, for the results file. */
const rates: { label: string; perSecond: number; bestMs: number; count: number }[] = [];

function rate(label: string, count: number, run: () => void, rounds = 5): number {
  run(); // warm-up: JIT and caches
  let best = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  const perSecond = (count / best) * 1000;
  rates.push({ label, perSecond: Math.round(perSecond), bestMs: round1(best), count });
  console.log(
    `${label.padEnd(58)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} /s  (${best.toFixed(1)} ms for ${count.toLocaleString("en-US")})`,
  );
  return perSecond;
}

const QUERY_COUNT = 100_000;
const queries = decisionQueries(QUERY_COUNT);
const raw = queries.map((query) => JSON.parse(JSON.stringify(query)) as unknown);

// The comparison is only meaningful if both sides give the same answers.
const cache: AbilityCache = new Map();
const mismatches = queries.filter(
  (query) => explain(query).allowed !== caslCan(query, cache),
).length;
console.log(
  `Decision checks: ${QUERY_COUNT.toLocaleString("en-US")} mixed task/nav/project queries; CASL disagreements: ${mismatches}`,
);

let sink = 0;
const ours = rate("explain() with reasons (typed queries)", QUERY_COUNT, () => {
  for (const query of queries) if (explain(query).allowed) sink += 1;
});
rate("parseExplainQuery() + explain() (untrusted input)", QUERY_COUNT, () => {
  for (const query of raw) if (explain(parseExplainQuery(query) as BenchQuery).allowed) sink += 1;
});
const warm: AbilityCache = new Map();
const caslWarm = rate("CASL can(), one cached ability per role set", QUERY_COUNT, () => {
  for (const query of queries) if (caslCan(query, warm)) sink += 1;
});
const caslCold = rate(
  "CASL build ability + can() per decision",
  QUERY_COUNT / 10,
  () => {
    for (const query of queries.slice(0, QUERY_COUNT / 10)) if (caslCan(query, null)) sink += 1;
  },
  3,
);
console.log(
  `Ratio explain() / CASL cached: ${(ours / caslWarm).toFixed(2)}x   explain() / CASL built per decision: ${(ours / caslCold).toFixed(2)}x`,
);

const MEMBERS = 10_000;
const PROJECTS = 20;
const org = organization(MEMBERS, PROJECTS);
let entries = 0;
const desiredRate = rate(
  `computeDesiredState(): ${MEMBERS.toLocaleString("en-US")} members x ${PROJECTS} projects, runs`,
  1,
  () => {
    const state = computeDesiredState(org);
    entries = state.projects.reduce((sum, project) => sum + project.users.length, 0);
  },
);
console.log(
  `Desired state: ${(1000 / desiredRate).toFixed(1)} ms per run; ${entries.toLocaleString("en-US")} user entries; ` +
    `${Math.round(MEMBERS * PROJECTS * desiredRate).toLocaleString("en-US")} member-project decisions/s`,
);

// The same member x project decisions in CASL; the comparison only counts if the answers agree.
const ourState = computeDesiredState(org);
const caslState = caslDesiredState(org);
let stateDisagreements = 0;
for (const project of ourState.projects) {
  const theirs = caslState.get(project.projectId) ?? new Map<string, string>();
  if (theirs.size !== project.users.length)
    stateDisagreements += Math.abs(theirs.size - project.users.length);
  for (const user of project.users)
    if (theirs.get(user.uid) !== user.roles.join(",")) stateDisagreements += 1;
}
console.log(`Desired state vs CASL: ${stateDisagreements} disagreeing member-project entries`);
const caslDesiredRate = rate(
  `CASL permittedFieldsOf(): ${MEMBERS.toLocaleString("en-US")} members x ${PROJECTS} projects, runs`,
  1,
  () => {
    entries = [...caslDesiredState(org).values()].reduce((sum, users) => sum + users.size, 0);
  },
  3,
);
console.log(
  `Ratio computeDesiredState() / CASL: ${(desiredRate / caslDesiredRate).toFixed(2)}x ` +
    `(CASL: ${(1000 / caslDesiredRate).toFixed(1)} ms per run, without explanations)`,
);
if (sink < 0) console.log(sink); // keep the loops from being optimised away

writeBenchResult("permissions-decisions", {
  queries: QUERY_COUNT,
  caslDisagreements: mismatches,
  members: MEMBERS,
  projects: PROJECTS,
  desiredStateEntries: ourState.projects.reduce((sum, project) => sum + project.users.length, 0),
  desiredStateCaslDisagreements: stateDisagreements,
  rates,
  ratios: {
    explainVsCaslCached: round2(ours / caslWarm),
    explainVsCaslBuiltPerDecision: round2(ours / caslCold),
    desiredStateVsCasl: round2(desiredRate / caslDesiredRate),
  },
});

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
