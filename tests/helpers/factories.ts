import crypto from "node:crypto";
import { getDb } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import type { Role } from "~/policies/index.ts";
import type { VendorInput } from "~/models/vendor.server.ts";
import { createSession } from "~/models/session.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple";

function uid() {
  return crypto.randomBytes(5).toString("hex");
}

/** Test fixtures write through Prisma on the real test database (no mocks). */
export async function createOrg(name = `Commune ${uid()}`) {
  const db = getDb();
  const org = await db.organization.create({ data: { name, slug: `org-${uid()}`, defaultLocale: "fr" } });
  const departments = await Promise.all(
    ["État civil", "Ressources humaines", "Police municipale"].map((n) => db.department.create({ data: { organizationId: org.id, name: n } })),
  );
  return { org, departments };
}

export async function createUser(opts: { email?: string; name?: string; locale?: "fr" | "en" | null } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return getDb().user.create({
    data: { email: opts.email ?? `user-${uid()}@test.example`, name: opts.name ?? "Test User", passwordHash: await cachedHash, locale: opts.locale ?? null },
  });
}

export async function addMember(userId: string, organizationId: string, role: Role, departmentIds: string[] = []) {
  const m = await getDb().membership.create({ data: { userId, organizationId, role } });
  if (departmentIds.length)
    await getDb().membershipDepartment.createMany({ data: departmentIds.map((departmentId) => ({ membershipId: m.id, departmentId })) });
  return m;
}

/** A user with a role in the org and a live session; returns the cookie header to send. */
export async function signedInMember(organizationId: string, role: Role, departmentIds: string[] = []) {
  const user = await createUser();
  const membership = await addMember(user.id, organizationId, role, departmentIds);
  const { token, session } = await createSession(user.id);
  return { user, membership, session, token, cookie: `${SESSION_COOKIE}=${token}` };
}

export function request(url: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(new URL(url, "http://localhost:3000"), { ...init, headers });
}

export function form(data: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(data)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

/** A vendor form's values: established in France, no DPA yet, every other fact unknown; `over` sets the rest. */
export function vendorFields(name: string, over: Partial<VendorInput> = {}): VendorInput {
  return {
    name,
    legalName: null,
    registrationNumber: null,
    website: null,
    country: "FR",
    parentName: null,
    parentCountry: null,
    contactName: null,
    contactEmail: null,
    hdsActivities: null,
    hdsExpiry: null,
    iso27001Expiry: null,
    dpfCertified: null,
    dpfCheckedAt: null,
    dpaStatus: "NONE",
    dpaSignedAt: null,
    dpaReference: null,
    dpaNextReview: null,
    notes: null,
    ...over,
  };
}
