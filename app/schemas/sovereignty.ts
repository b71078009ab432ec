/** Forms and queries of the sovereignty pages (activity links, what-if). Shared by server and client. */
import { LINK_ROLES } from "~/analysis/sovereignty.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
/** Prisma cuid()s; anything else is refused before it reaches the database. */
const id = z.string().regex(/^[a-z0-9]{10,40}$/, "errors.choice");

/** One select lists both kinds of target: "service:<id>" or "site:<id>" (own hosting). */
export const LinkTargetSchema = z.preprocess(
  trimmed,
  z
    .string()
    .min(1)
    .regex(/^(service|site):[a-z0-9]{10,40}$/, "errors.choice"),
);

export const LinkSchema = z.object({
  intent: z.literal("link"),
  target: LinkTargetSchema,
  role: z.enum(LINK_ROLES),
});

export const UnlinkSchema = z.object({
  intent: z.literal("unlink"),
  linkId: id,
});

export function parseTarget(target: string): { serviceId?: string; siteId?: string } {
  const [kind, value] = target.split(":") as [string, string];
  return kind === "service" ? { serviceId: value } : { siteId: value };
}

/** GET /o/:org/sovereignty/what-if?from=vendor:<id>|service:<id>&to=<serviceId> */
export const WhatIfQuerySchema = z.object({
  from: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(vendor|service):[a-z0-9]{10,40}$/, "errors.choice")
      .optional(),
  ),
  to: z.preprocess(emptyToUndefined, id.optional()),
});

export function parseFrom(from: string): { vendorId?: string; serviceId?: string } {
  const [kind, value] = from.split(":") as [string, string];
  return kind === "vendor" ? { vendorId: value } : { serviceId: value };
}
