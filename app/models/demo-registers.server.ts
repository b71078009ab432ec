/**
 * Demo breach register and request log (issue 15), written through the real domain functions:
 * three breaches (a lost encrypted laptop, not notified; ransomware at a vendor, notified with
 * complementary notifications; a misdirected e-mail with health data, people informed) and eight
 * requests covering every state, one of them overdue.
 */
import { enisaSeverity } from "~/analysis/breach.ts";
import type { Assessment, BreachFactsForm } from "~/schemas/breach.ts";
import type { RequestForm } from "~/schemas/request.ts";
import { getDb } from "~/utils/db.server.ts";
import { assessBreach, createBreach, recordNotification, transitionBreach, vendorBreachScope } from "./breach.server.ts";
import { createRequest, extendRequest, moveRequest } from "./request.server.ts";

const DAY = 86400_000;
const H = 3600_000;
const iso = (d: Date) => d.toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);

function facts(f: Partial<BreachFactsForm> & Pick<BreachFactsForm, "title" | "discoveredAt" | "awareAt" | "nature" | "description">): BreachFactsForm {
  return { activityIds: [], vendorIds: [], dataCategories: [], subjects: [], counts: {}, ...f } as BreachFactsForm;
}

export async function seedDemoRegisters(orgId: string, dpoId: string, now = new Date()): Promise<void> {
  const db = getDb();
  const deps = await db.department.findMany({ where: { organizationId: orgId }, select: { id: true, name: true } });
  const dep = (n: string) => deps.find((d) => d.name === n)?.id;
  const activities = await db.activity.findMany({
    where: { organizationId: orgId, status: { not: "ARCHIVED" } },
    select: { id: true, departmentId: true, hasSensitive: true },
    orderBy: { seq: "asc" },
  });
  const rev = async (id: string) => (await db.breach.findFirstOrThrow({ where: { id } })).revision;
  const assess = (a: Omit<Assessment, "risk">): Assessment => ({ ...a, risk: enisaSeverity(a.enisa).suggested });

  // 1. Lost laptop, full-disk encryption: risk unlikely, not notified (Art. 33(1)), documented (Art. 33(5)).
  const hr = dep("Ressources humaines") ?? null;
  const laptopAware = new Date(now.getTime() - 40 * DAY);
  const laptop = await createBreach(
    dpoId,
    orgId,
    facts({
      title: "Ordinateur portable perdu (chiffré)",
      departmentId: hr ?? undefined,
      discoveredAt: iso(laptopAware),
      awareAt: iso(laptopAware),
      startedAt: iso(new Date(laptopAware.getTime() - 14 * H)),
      nature: ["confidentiality", "availability"],
      description:
        "Un agent des ressources humaines a oublié son ordinateur portable dans un train. Le disque est chiffré (BitLocker, clé TPM + code PIN) ; les fichiers sont aussi sur le serveur.",
      cause: "Oubli dans les transports.",
      activityIds: activities
        .filter((a) => a.departmentId === hr)
        .slice(0, 2)
        .map((a) => a.id),
      measures: "Compte de l'agent désactivé puis réinitialisé ; ordinateur révoqué dans l'annuaire ; rappel des consignes.",
      consequences: "Aucune : les données sont inintelligibles sans la clé.",
    }),
  );
  await assessBreach(
    dpoId,
    orgId,
    laptop.id,
    await rev(laptop.id),
    assess({
      enisa: { dpc: 2, ei: 0.25, confidentiality: 0.25, integrity: 0, availability: 0, malicious: false },
      reasoning:
        "Disque chiffré à l'état de l'art, clé non compromise : la violation n'est pas susceptible d'engendrer un risque (lignes directrices 9/2022 du CEPD).",
      notifyCnil: false,
      notifyReasoning: "Risque improbable grâce au chiffrement : pas de notification, violation documentée au registre.",
      informSubjects: false,
      informReasoning: "Pas de risque élevé ; au demeurant l'exception de l'article 34.3.a s'appliquerait.",
    }),
  );
  await transitionBreach(dpoId, orgId, laptop.id, await rev(laptop.id), "notNotified");
  await transitionBreach(dpoId, orgId, laptop.id, await rev(laptop.id), "close");

  // 2. Ransomware at the vendor used by the most activities: notified within 72 hours, then complementary notifications.
  const vendors = await db.vendor.findMany({ where: { organizationId: orgId }, select: { id: true } });
  let best: Awaited<ReturnType<typeof vendorBreachScope>> = null;
  for (const v of vendors) {
    const s = await vendorBreachScope(orgId, v.id);
    if (s && (!best || s.activities.length > best.activities.length)) best = s;
  }
  if (best) {
    const aware = new Date(now.getTime() - 20 * DAY);
    const r = await createBreach(
      dpoId,
      orgId,
      facts({
        title: `Rançongiciel chez ${best.vendor.name}`,
        discoveredAt: iso(new Date(aware.getTime() - 2 * H)),
        awareAt: iso(aware),
        startedAt: iso(new Date(aware.getTime() - 30 * H)),
        endedAt: iso(new Date(aware.getTime() + 4 * DAY)),
        nature: ["confidentiality", "availability"],
        description: `${best.vendor.name} a informé la commune d'une attaque par rançongiciel sur une partie de son infrastructure ; une exfiltration est revendiquée.`,
        cause: "Compromission d'un compte d'administration du prestataire (hameçonnage).",
        discoveryMeans: "Alerte du prestataire par courriel puis téléphone.",
        activityIds: best.activities.map((a) => a.id),
        vendorIds: [best.vendor.id],
        consequences: "Indisponibilité de services en ligne pendant quatre jours ; risque d'hameçonnage ciblé si les données exfiltrées sont publiées.",
        measures: "Bascule sur les sauvegardes ; réinitialisation des mots de passe ; surveillance des fuites ; plainte déposée.",
      }),
      { vendorId: best.vendor.id },
    );
    await assessBreach(
      dpoId,
      orgId,
      r.id,
      await rev(r.id),
      assess({
        enisa: { dpc: 3, ei: 0.75, confidentiality: 0.25, integrity: 0, availability: 0.25, malicious: true },
        reasoning: "Exfiltration revendiquée, données d'identification et de contact, intention malveillante.",
        notifyCnil: true,
        notifyReasoning: "Risque pour les droits et libertés des personnes.",
        informSubjects: false,
        informReasoning: "Risque non élevé à ce stade ; décision revue si les données sont publiées.",
      }),
    );
    await recordNotification(dpoId, orgId, r.id, await rev(r.id), {
      kind: "INITIAL",
      sentAt: iso(new Date(aware.getTime() + 30 * H)),
      reference: "NOTIF-2026-0412",
      summary: "Notification initiale sur la base des informations du prestataire.",
    });
    await recordNotification(dpoId, orgId, r.id, await rev(r.id), {
      kind: "COMPLEMENTARY",
      sentAt: iso(new Date(aware.getTime() + 6 * DAY)),
      reference: "NOTIF-2026-0412",
      summary: "Périmètre confirmé par le rapport d'investigation.",
    });
    await recordNotification(dpoId, orgId, r.id, await rev(r.id), {
      kind: "COMPLEMENTARY",
      sentAt: iso(new Date(aware.getTime() + 12 * DAY)),
      reference: "NOTIF-2026-0412",
      summary: "Aucune publication constatée ; mesures de remédiation achevées.",
    });
  }

  // 3. E-mail with health data sent to the wrong recipient: high risk, people informed (Art. 34).
  const sensitive = activities.find((a) => a.hasSensitive);
  const aware3 = new Date(now.getTime() - 6 * DAY);
  const mail = await createBreach(
    dpoId,
    orgId,
    facts({
      title: "Courriel contenant des données de santé envoyé au mauvais destinataire",
      departmentId: sensitive?.departmentId ?? undefined,
      discoveredAt: iso(aware3),
      awareAt: iso(aware3),
      startedAt: iso(new Date(aware3.getTime() - 3 * H)),
      endedAt: iso(new Date(aware3.getTime() - 3 * H)),
      nature: ["confidentiality"],
      description: "Un tableau listant douze usagers et leur situation de handicap a été envoyé à une association extérieure au lieu du service instructeur.",
      cause: "Erreur d'autocomplétion de l'adresse.",
      activityIds: sensitive ? [sensitive.id] : [],
      dataCategories: ["identity", "health"],
      subjects: ["service_users"],
      counts: { service_users: 12 },
      consequences: "Atteinte à la vie privée ; risque de discrimination.",
      measures: "Demande de suppression au destinataire, qui l'a confirmée par écrit ; autocomplétion désactivée pour les adresses externes.",
    }),
  );
  await assessBreach(
    dpoId,
    orgId,
    mail.id,
    await rev(mail.id),
    assess({
      enisa: { dpc: 4, ei: 1, confidentiality: 0.25, integrity: 0, availability: 0, malicious: false },
      reasoning: "Données de santé de personnes vulnérables, nominatives : gravité élevée.",
      notifyCnil: true,
      notifyReasoning: "Risque élevé.",
      informSubjects: true,
      informReasoning: "Risque élevé pour les personnes : information individuelle par courrier.",
      subjectsInformedAt: iso(new Date(aware3.getTime() + 2 * DAY)),
      informChannel: "Courrier individuel et appel du service",
    }),
  );
  await recordNotification(dpoId, orgId, mail.id, await rev(mail.id), {
    kind: "INITIAL",
    sentAt: iso(new Date(aware3.getTime() + 20 * H)),
    reference: "NOTIF-2026-0533",
  });
  await recordNotification(dpoId, orgId, mail.id, await rev(mail.id), {
    kind: "FINAL",
    sentAt: iso(new Date(aware3.getTime() + 3 * DAY)),
    reference: "NOTIF-2026-0533",
    summary: "Suppression confirmée par le destinataire ; personnes informées.",
  });

  // Eight requests: every state, one overdue.
  const acts = activities.slice(0, 3).map((a) => a.id);
  const req = (type: RequestForm["type"], daysAgo: number, name: string, over: Partial<RequestForm> = {}) =>
    createRequest(dpoId, orgId, {
      type,
      regime: "GDPR",
      receivedAt: day(new Date(now.getTime() - daysAgo * DAY)),
      channel: "EMAIL",
      requesterName: name,
      requesterContact: `${name.split(" ")[0]!.toLowerCase()}@exemple.fr`,
      identityCheck: "NOT_NEEDED",
      activityIds: acts,
      ...over,
    });
  const move = async (id: string, to: Parameters<typeof moveRequest>[4], response?: string) => {
    const cur = await db.dataSubjectRequest.findFirstOrThrow({ where: { id } });
    return moveRequest(dpoId, "DPO", cur, cur.revision, to, { response });
  };
  await req("ACCESS", 3, "Alice Bernard");
  await req("RECTIFICATION", 5, "Bruno Caron", { identityCheck: "REQUESTED", channel: "MAIL" });
  const inProgress = await req("ERASURE", 12, "Chloé Dumas", { channel: "FORM" });
  await move(inProgress.id, "IN_PROGRESS");
  const overdue = await req("ACCESS", 45, "David Étienne", { channel: "COUNTER" });
  await move(overdue.id, "IN_PROGRESS");
  const extended = await req("PORTABILITY", 20, "Emma Fabre");
  {
    const cur = await db.dataSubjectRequest.findFirstOrThrow({ where: { id: extended.id } });
    await extendRequest(dpoId, cur, cur.revision, "Volume important : quatorze traitements concernés.", day(new Date(now.getTime() - 15 * DAY)), now);
  }
  const answered = await req("OBJECTION", 25, "François Garnier");
  await move(answered.id, "ANSWERED", "Opposition acceptée : retrait de la liste de diffusion.");
  const refused = await req("ERASURE", 30, "Gaëlle Henry");
  await move(refused.id, "REFUSED", "Refus motivé : conservation imposée par le code électoral (L16) ; voies de recours indiquées.");
  const closed = await req("WITHDRAW_CONSENT", 60, "Hugo Idir");
  await move(closed.id, "ANSWERED", "Consentement retiré ; plus aucun envoi.");
  await move(closed.id, "CLOSED");
}
