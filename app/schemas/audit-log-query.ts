/** The audit log's filters (GET parameters), shared by the page and its CSV export. */
import type { AuditLogFilter } from "~/models/audit-log.server.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

export const AuditLogQuerySchema = z.object({
  action: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-zA-Z_.]{1,80}$/)
      .optional(),
  ),
  entity: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z]{1,40}$/)
      .optional(),
  ),
  actor: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  from: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100000).default(1)),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export function parseAuditLogQuery(url: URL): { query: AuditLogQuery; invalid: boolean } {
  const parsed = AuditLogQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  return parsed.success ? { query: parsed.data, invalid: false } : { query: { page: 1 }, invalid: true };
}

export function toFilter(q: AuditLogQuery): AuditLogFilter {
  return {
    action: q.action,
    entity: q.entity,
    actorId: q.actor,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined,
  };
}
