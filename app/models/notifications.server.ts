/**
 * Who is told what. Each function runs inside the transaction of the change it announces, so the
 * change and its mails commit together. Mails name only what the recipient can already see in the app.
 */
import type { Tx } from "~/utils/db.server.ts";
import { formatDate, isLocale, type Locale } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";
import { isRole } from "~/policies/roles.ts";
import type { Transition } from "~/policies/activity.ts";
import { enqueueMailTx, recipientsTx, type MailRecipient } from "./mail.server.ts";

type ActivityRef = { id: string; ref: string; name: string; departmentId: string | null; createdById: string | null };

const TRANSITION_MAILS: Partial<Record<Transition, "submitted" | "requestChanges" | "approve" | "archive">> = {
  submit: "submitted",
  requestChanges: "requestChanges",
  approve: "approve",
  archive: "archive",
};

async function orgAndActor(tx: Tx, organizationId: string, actorId: string | null) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true, defaultLocale: true } });
  const actor = actorId ? await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }) : null;
  return { org, actorName: actor?.name ?? "Registre" };
}

/** Members who can read the activity: everyone but EDITORs outside its department. */
function canSeeActivity(role: string, departmentIds: string[], activity: ActivityRef) {
  if (!isRole(role)) return false;
  if (role !== "EDITOR") return true;
  return activity.departmentId !== null && departmentIds.includes(activity.departmentId);
}

export async function notifyTransitionTx(tx: Tx, actorId: string, organizationId: string, activity: ActivityRef, transition: Transition) {
  const kind = TRANSITION_MAILS[transition];
  if (!kind) return 0;
  const { org, actorName } = await orgAndActor(tx, organizationId, actorId);
  let recipients: MailRecipient[];
  if (kind === "submitted") {
    recipients = await recipientsTx(tx, organizationId, { role: "DPO" });
  } else {
    // The author (if still a member) and the editors of the activity's department.
    const or = [
      ...(activity.createdById ? [{ userId: activity.createdById }] : []),
      ...(activity.departmentId ? [{ role: "EDITOR" as const, departments: { some: { departmentId: activity.departmentId } } }] : []),
    ];
    recipients = or.length ? await recipientsTx(tx, organizationId, { OR: or }) : [];
  }
  const seen = new Set<string>();
  let n = 0;
  for (const to of recipients) {
    if (!to.userId || to.userId === actorId || seen.has(to.userId)) continue;
    seen.add(to.userId);
    await enqueueMailTx(tx, {
      organizationId,
      orgName: org.name,
      to,
      kind: `activity.${kind}`,
      category: "workflow",
      subjectKey: `mail.activity.${kind}.subject`,
      bodyKey: `mail.activity.${kind}.body`,
      params: { actor: actorName, ref: activity.ref, name: activity.name },
      url: `/o/${org.slug}/activities/${activity.ref}`,
    });
    n++;
  }
  return n;
}

/** "@alice@ville.fr" in a comment: the address of a member of the organization. */
export function extractMentions(body: string): string[] {
  const found = body.match(/(?<![\w.])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g) ?? [];
  return [...new Set(found.map((m) => m.slice(1).toLowerCase()))];
}

export async function notifyMentionsTx(tx: Tx, actorId: string, organizationId: string, activity: ActivityRef, body: string) {
  const emails = extractMentions(body);
  if (emails.length === 0) return 0;
  const { org, actorName } = await orgAndActor(tx, organizationId, actorId);
  const members = await tx.membership.findMany({
    where: { organizationId, user: { email: { in: emails } } },
    select: { role: true, departments: { select: { departmentId: true } }, user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  let n = 0;
  for (const m of members) {
    if (m.user.id === actorId) continue;
    // Someone who cannot open the activity is not told about it.
    if (
      !canSeeActivity(
        m.role,
        m.departments.map((d) => d.departmentId),
        activity,
      )
    )
      continue;
    const locale: Locale = isLocale(m.user.locale) ? m.user.locale : isLocale(org.defaultLocale) ? org.defaultLocale : "fr";
    await enqueueMailTx(tx, {
      organizationId,
      orgName: org.name,
      to: { userId: m.user.id, email: m.user.email, name: m.user.name, locale },
      kind: "mention",
      category: "mentions",
      subjectKey: "mail.mention.subject",
      bodyKey: "mail.mention.body",
      params: { actor: actorName, ref: activity.ref, name: activity.name },
      url: `/o/${org.slug}/activities/${activity.ref}`,
    });
    n++;
  }
  return n;
}

export async function notifyInvitationTx(
  tx: Tx,
  actorId: string,
  organizationId: string,
  inv: { email: string; role: string; token: string; expiresAt: Date },
) {
  const { org, actorName } = await orgAndActor(tx, organizationId, actorId);
  const locale: Locale = isLocale(org.defaultLocale) ? org.defaultLocale : "fr";
  const roleLabel = isRole(inv.role) ? translate(locale, `roles.${inv.role}`) : inv.role;
  await enqueueMailTx(tx, {
    organizationId,
    orgName: org.name,
    to: { userId: null, email: inv.email, name: null, locale },
    kind: "invitation",
    category: "account",
    subjectKey: "mail.invitation.subject",
    bodyKey: "mail.invitation.body",
    params: { actor: actorName, org: org.name, role: roleLabel, date: formatDate(locale, inv.expiresAt, true) },
    url: `/invitation/${inv.token}`,
  });
}

export async function notifyPasswordResetTx(tx: Tx, organizationId: string, userId: string, reset: { token: string; expiresAt: Date }) {
  const { org } = await orgAndActor(tx, organizationId, null);
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true } });
  const locale: Locale = isLocale(user.locale) ? user.locale : isLocale(org.defaultLocale) ? org.defaultLocale : "fr";
  await enqueueMailTx(tx, {
    organizationId,
    orgName: org.name,
    to: { userId: user.id, email: user.email, name: user.name, locale },
    kind: "password_reset",
    category: "account",
    subjectKey: "mail.passwordReset.subject",
    bodyKey: "mail.passwordReset.body",
    params: { org: org.name, date: formatDate(locale, reset.expiresAt, true) },
    url: `/reset/${reset.token}`,
  });
}

/** A role-less person asked to join: the ADMINs, who alone can decide, are told (their "workflow" preference applies). */
export async function notifyAccessRequestedTx(tx: Tx, organizationId: string, requesterId: string) {
  const { org } = await orgAndActor(tx, organizationId, null);
  const requester = await tx.user.findUniqueOrThrow({ where: { id: requesterId }, select: { name: true, email: true } });
  const admins = await recipientsTx(tx, organizationId, { role: "ADMIN" });
  for (const to of admins) {
    await enqueueMailTx(tx, {
      organizationId,
      orgName: org.name,
      to,
      kind: "access_request.created",
      category: "workflow",
      subjectKey: "mail.accessRequest.created.subject",
      bodyKey: "mail.accessRequest.created.body",
      // The ADMIN sees the same name and address on the members page.
      params: { name: requester.name, email: requester.email, org: org.name },
      url: `/o/${org.slug}/members#access-requests`,
    });
  }
  return admins.length;
}

/** The requester learns the decision; an account mail, always sent. */
export async function notifyAccessDecidedTx(tx: Tx, organizationId: string, userId: string, accepted: boolean) {
  const { org } = await orgAndActor(tx, organizationId, null);
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true } });
  const locale: Locale = isLocale(user.locale) ? user.locale : isLocale(org.defaultLocale) ? org.defaultLocale : "fr";
  const which = accepted ? "accepted" : "refused";
  await enqueueMailTx(tx, {
    organizationId,
    orgName: org.name,
    to: { userId: user.id, email: user.email, name: user.name, locale },
    kind: `access_request.${which}`,
    category: "account",
    subjectKey: `mail.accessRequest.${which}.subject`,
    bodyKey: `mail.accessRequest.${which}.body`,
    params: { org: org.name },
    url: accepted ? `/o/${org.slug}` : "/access",
  });
}
