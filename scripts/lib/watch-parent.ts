/**
 * Calls `onGone` once when this process's parent exits (the kernel re-parents us, so `ppid`
 * changes). Node has no parent-death signal; a cheap poll on an unref'd timer is the portable way,
 * and it never keeps the process alive by itself.
 */
export function watchParent(onGone: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
