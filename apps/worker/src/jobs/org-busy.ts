// When an organization is being synced by another job, this one waits: it is moved back to the
// delayed set (not failed, no attempt spent) and runs again a little later.
import { DelayedError, type Job } from "bullmq";

/** Moves the active job to delayed for about `ms` and ends this processing attempt. */
export async function delayJob(job: Job, token: string | undefined, ms: number): Promise<never> {
  // Jitter: two jobs waiting for the same organization should not wake at the same instant.
  const jitter = Math.floor(Math.random() * Math.min(500, ms / 2));
  await job.moveToDelayed(Date.now() + ms + jitter, token);
  throw new DelayedError();
}
