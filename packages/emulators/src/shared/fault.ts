import { z } from "zod";

/**
 * A fault a test asks an emulator to inject on matching requests. `route` is the Fastify route
 * pattern as registered (e.g. `/v3/organizations/:org_uid/share`) or `*` for every route.
 */
export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    /**
     * The status to answer with instead of running the route: an error (429, 500, 503…), or a
     * success with a `body` of the wrong shape, to prove a client validates what it accepts.
     */
    status: z.number().int().min(200).max(599),
    /** Body to send; when left out the emulator sends the service's own error shape for that status. */
    body: z.unknown().optional(),
  }),
  z.object({ kind: z.literal("latency"), ms: z.number().int().min(1).max(120_000) }),
  /** The connection is destroyed before any byte of the answer is written. */
  z.object({ kind: z.literal("drop") }),
  /** The JSON answer is cut in the middle (what a proxy timeout or a crash mid-write looks like). */
  z.object({ kind: z.literal("truncate") }),
  /** Every top-level array in the JSON answer comes back empty (and `count` 0), status unchanged. */
  z.object({ kind: z.literal("empty") }),
]);

export const faultRuleSchema = z.object({
  route: z.string().min(1),
  /** HTTP method to match; any when left out. */
  method: z
    .string()
    .transform((value) => value.toUpperCase())
    .optional(),
  /** Let this many matching calls through before the fault starts. @defaultValue 0 */
  after: z.number().int().min(0).default(0),
  /** How many matching calls the fault hits; unlimited when left out. */
  times: z.number().int().min(1).optional(),
  fault: faultSchema,
});

export type Fault = z.infer<typeof faultSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.infer<typeof faultRuleSchema> & {
  id: string;
  seen: number;
  hits: number;
};
