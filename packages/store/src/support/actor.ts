import { z } from "zod";

/** Who did something: a person (a Contentstack user) or a part of the system (the sync, an import). */
export type Actor =
  | {
      readonly type: "person";
      readonly uid: string;
      readonly email?: string | undefined;
      readonly name?: string | undefined;
    }
  | { readonly type: "system"; readonly name: string };

export const actorSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("person"),
    uid: z.string().min(1),
    email: z.string().optional(),
    name: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("system"), name: z.string().min(1) }),
]);
