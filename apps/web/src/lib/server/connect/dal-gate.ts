import "server-only";

import type { DataActivationLayer } from "@lytics-access/contentstack";

import { authorize } from "../authorize";
import type { SessionState } from "../load-session";
import type { Services } from "../services";
import { contactsText, orgContacts, type OrgContact } from "./org-contacts";

type Active = Extract<SessionState, { status: "active" }>;

/** Where the organization stands with its Data Activation Layer (seed 000, DESIGN §5). */
export type DalGate =
  | { readonly status: "ready"; readonly dal: DataActivationLayer }
  | {
      readonly status: "missing";
      /** Owners and Admins (organization settings rule). */
      readonly canCreate: boolean;
      /** The organization settings page that creates it, when known (the emulator's). */
      readonly createUrl: string | null;
      readonly reasons: readonly string[];
      readonly contacts: readonly OrgContact[] | null;
    }
  /** Contentstack could not be asked; launching is not refused for it. */
  | { readonly status: "unknown"; readonly reason: string };

/**
 * The organization settings page where an Owner or Admin creates the DAL. Contentstack documents
 * it only as "Organization Admin settings → Data Activation Layer"; the emulated host shell serves
 * it at this path, so the link is given in local mode and the way there is described otherwise.
 */
export function dalSettingsUrl(svc: Services, orgUid: string): string | null {
  if (!svc.env.localMode || !svc.env.CONTENTSTACK_APP_URL) return null;
  return `${svc.env.CONTENTSTACK_APP_URL}/organizations/${encodeURIComponent(orgUid)}/data-activation-layer`;
}

export async function readDalGate(svc: Services, state: Active): Promise<DalGate> {
  const { orgUid } = state.session;
  let dal: DataActivationLayer | null;
  try {
    dal = await svc.contentstackAs(orgUid, state.tokens.accessToken).getDataActivationLayer();
  } catch (error) {
    return {
      status: "unknown",
      reason: `The Data Activation Layer could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (dal) return { status: "ready", dal };
  const decision = authorize(state.person, "org.settings");
  // Read for Owners and Admins too: their read is what names them to everyone else (cached).
  const contacts = await orgContacts(svc, state);
  return {
    status: "missing",
    canCreate: decision.allowed,
    createUrl: decision.allowed ? dalSettingsUrl(svc, orgUid) : null,
    contacts,
    reasons: decision.allowed
      ? [
          "This organization has no Data Activation Layer yet: Data & Insights cannot be used until one exists. As an Owner or Admin you can create it in the organization settings (Data Activation Layer).",
        ]
      : [
          `This organization has no Data Activation Layer yet, and only an Owner or Admin can create it. Ask ${contactsText(contacts)}.`,
          ...decision.reasons,
        ],
  };
}
