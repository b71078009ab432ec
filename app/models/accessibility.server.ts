/** What the accessibility statement shows of an organization: its name and its contacts (already public on its register). */
import { getDb } from "~/utils/db.server.ts";

export function getAccessibilityContact(slug: string) {
  return getDb().organization.findUnique({ where: { slug }, select: { name: true, accessibilityContact: true, dpoEmail: true } });
}
