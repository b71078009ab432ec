/**
 * The first-hour checklist of a new organization: seven steps whose state is read from the data
 * itself (nothing to keep in sync), plus the organization-wide "dismissed" mark.
 */
import { getDb } from "~/utils/db.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export const ONBOARDING_STEPS = ["identity", "departments", "members", "register", "vendors", "dpia", "publish"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

const IDENTITY_FIELDS = ["siren", "address", "legalRepresentative", "dpoName", "dpoEmail", "dpoCnilNumber"] as const;

export type OnboardingState = {
  dismissed: boolean;
  steps: { key: OnboardingStep; done: boolean }[];
  /** Shown only while not dismissed and some step is still open. */
  visible: boolean;
};

export async function getOnboardingState(organizationId: string): Promise<OnboardingState> {
  const db = getDb();
  const [org, departments, members, invitations, activities, vendors, hosting, screenings, published, pdfs] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db.department.count({ where: { organizationId } }),
    db.membership.count({ where: { organizationId } }),
    db.invitation.count({ where: { organizationId } }),
    db.activity.count({ where: { organizationId } }),
    db.vendor.count({ where: { organizationId } }),
    db.hostingSite.count({ where: { organizationId } }),
    db.screening.count({ where: { organizationId } }),
    db.activity.count({ where: { organizationId, isPublic: true } }),
    db.exportRecord.count({ where: { organizationId, format: "pdf" } }),
  ]);
  const done: Record<OnboardingStep, boolean> = {
    identity: IDENTITY_FIELDS.every((f) => Boolean(org[f])),
    departments: departments > 0,
    members: members > 1 || invitations > 0,
    register: activities > 0,
    vendors: vendors > 0 || hosting > 0,
    dpia: screenings > 0,
    publish: published > 0 && pdfs > 0,
  };
  const steps = ONBOARDING_STEPS.map((key) => ({ key, done: done[key] }));
  const dismissed = org.onboardingDismissedAt !== null;
  return { dismissed, steps, visible: !dismissed && steps.some((s) => !s.done) };
}

/** Hides the checklist for every member of the organization; idempotent. */
export async function dismissOnboarding(actorId: string, organizationId: string): Promise<void> {
  await unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.organization.updateMany({ where: { id: organizationId, onboardingDismissedAt: null }, data: { onboardingDismissedAt: new Date() } });
    if (res.count > 0) w.audit("onboarding.dismissed", "Organization", organizationId);
  });
}
