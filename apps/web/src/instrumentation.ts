// Runs once when the Next server starts: a bad configuration stops the start with a clear error.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./env");
  env();
}
