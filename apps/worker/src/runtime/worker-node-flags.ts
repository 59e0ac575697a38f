// The flags the worker's Node process runs with (package.json `start`, the benches and the tests
// that spawn it). `--optimize-for-size` makes V8 collect garbage before it grows the heap: the
// worker spends its time waiting on rate-limited APIs, and a full reconcile of 100,000 members
// makes short-lived objects by the hundred megabytes (pages, plan, member directory), which the
// default heuristics let pile up. Measured in `npm run bench` (worker memory): the peak RSS at
// 100,000 members drops by about a third, for roughly twice the CPU in the write-heavy phase,
// seconds within a run of minutes.
export const WORKER_NODE_FLAGS: readonly string[] = Object.freeze(["--optimize-for-size"]);
