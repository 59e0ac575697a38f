// The organization's Data Activation Layer (seed 000: Data & Insights can be used only once an
// Owner or Admin has created it). Contentstack publishes no API for it; the emulator serves
// `GET /v3/organizations/{uid}/data_activation_layer` (docs/contentstack-shapes.md), read with
// the caller's own credential, and that is the shape modelled here. Read-only: creating one is
// done in the organization's admin settings, never through this client.
import { z } from "zod";
import { parseWire } from "../wire/parse-wire";
import { organizationUrl, type ResourceContext } from "./context";

const wireDalSchema = z.object({
  data_activation_layer: z
    .object({
      uid: z.string().min(1),
      title: z.string(),
      domain: z.string(),
      created_by: z.string().min(1),
      created_at: z.string(),
    })
    .loose()
    .nullable(),
});

export interface DataActivationLayer {
  readonly uid: string;
  readonly title: string;
  readonly domain: string;
  /** User uid of the Owner or Admin who created it. */
  readonly createdBy: string;
  /** ISO-8601. */
  readonly createdAt: string;
}

/** The organization's DAL, or null when it has none yet. */
export async function getDataActivationLayer(
  context: ResourceContext,
): Promise<DataActivationLayer | null> {
  const operation = "GET /v3/organizations/{uid}/data_activation_layer";
  const result = await context.transport.send({
    method: "GET",
    url: organizationUrl(context, "/data_activation_layer"),
    operation,
  });
  const dal = parseWire(wireDalSchema, result.body, operation).data_activation_layer;
  return dal
    ? {
        uid: dal.uid,
        title: dal.title,
        domain: dal.domain,
        createdBy: dal.created_by,
        createdAt: dal.created_at,
      }
    : null;
}
