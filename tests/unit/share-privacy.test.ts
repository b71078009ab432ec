/**
 * Issue 12 §10: share-link recipients' addresses are shown to the DPO and ADMINs only and erased after
 * the retention period; the public register of an organization that publishes nothing answers 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, transitionActivity } from "~/models/activity.server.ts";
import { createShareLink, openShareLink, purgeShareAccessIps } from "~/models/export-log.server.ts";
import { createExport } from "~/models/exports.server.ts";
import { setActivityPublic } from "~/models/public-register.server.ts";
import * as exportsPage from "~/routes/o.$org.exports.tsx";
import * as publicPage from "~/routes/public.$slug.tsx";
import * as publicCsv from "~/routes/public.$slug.register[.]csv.ts";
import * as publicJson from "~/routes/public.$slug.register[.]json.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { createOrg, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

const DAY = 24 * 60 * 60 * 1000;
const IP = "203.0.113.77";
let org: { id: string; slug: string };
let linkId: string;
const cookies = {} as Record<"ADMIN" | "DPO" | "VIEWER", string>;

beforeAll(async () => {
  org = (await createOrg()).org;
  for (const role of ["ADMIN", "DPO", "VIEWER"] as const) cookies[role] = (await signedInMember(org.id, role)).cookie;
  const dpo = await signedInMember(org.id, "DPO");
  const { record } = await createExport(org.id, dpo.user.id, { format: "json", locale: "fr", scope: "all" }, "ui");
  const { token, link } = await createShareLink(dpo.user.id, org.id, record.id, {
    recipient: "CNIL",
    expiresAt: new Date(Date.now() + 7 * DAY),
    passphrase: null,
  });
  linkId = link.id;
  expect((await openShareLink(token, null, { ipAddress: IP, userAgent: "Recipient browser" })).status).toBe("ok");
});

describe("share-link access log", () => {
  it("shows recipients' IP addresses to the DPO and ADMINs, never to a VIEWER", async () => {
    for (const role of ["ADMIN", "DPO", "VIEWER"] as const) {
      const res = await call(exportsPage.loader, request(`/o/${org.slug}/exports?access=${linkId}`, { cookie: cookies[role] }), { org: org.slug });
      expect(res.status).toBe(200);
      const d = res.data as { canSeeIp: boolean; accesses: { ip: string | null; outcome: string }[] };
      expect(d.accesses.map((a) => a.outcome)).toEqual(["downloaded"]);
      if (role === "VIEWER") {
        expect(d.canSeeIp).toBe(false);
        expect(JSON.stringify(res.data)).not.toContain(IP);
      } else {
        expect(d.canSeeIp).toBe(true);
        expect(d.accesses[0]!.ip).toBe(IP);
      }
    }
  });

  it("erases addresses and user agents after the retention period, keeping the access itself", async () => {
    const days = getEnv().SHARE_IP_RETENTION_DAYS;
    expect(days).toBe(180);
    const old = await getDb().shareAccess.create({
      data: { shareLinkId: linkId, outcome: "downloaded", ipAddress: "198.51.100.9", userAgent: "old", at: new Date(Date.now() - (days + 1) * DAY) },
    });
    const recent = await getDb().shareAccess.create({
      data: { shareLinkId: linkId, outcome: "downloaded", ipAddress: "198.51.100.10", userAgent: "recent", at: new Date(Date.now() - (days - 1) * DAY) },
    });
    expect(await purgeShareAccessIps()).toBeGreaterThanOrEqual(1);
    expect(await getDb().shareAccess.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ ipAddress: null, userAgent: null, outcome: "downloaded" });
    expect(await getDb().shareAccess.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ ipAddress: "198.51.100.10", userAgent: "recent" });
  });

  it("never displays an address past the period, even before the daily purge", async () => {
    const stale = await getDb().shareAccess.create({
      data: { shareLinkId: linkId, outcome: "expired", ipAddress: "198.51.100.11", userAgent: "x", at: new Date(Date.now() - 400 * DAY) },
    });
    const res = await call(exportsPage.loader, request(`/o/${org.slug}/exports?access=${linkId}`, { cookie: cookies.DPO }), { org: org.slug });
    expect(JSON.stringify(res.data)).not.toContain("198.51.100.11");
    expect((await getDb().shareAccess.findUniqueOrThrow({ where: { id: stale.id } })).ipAddress).toBeNull();
  });
});

describe("public register of an organization that publishes nothing", () => {
  it("answers 404 on the page, the CSV and the JSON until an activity is published", async () => {
    const { org: quiet, departments } = await createOrg();
    const dpo = await signedInMember(quiet.id, "DPO");
    const routes = [
      [publicPage.loader, `/public/${quiet.slug}`],
      [publicCsv.loader, `/public/${quiet.slug}/register.csv`],
      [publicJson.loader, `/public/${quiet.slug}/register.json`],
    ] as const;
    for (const [loader, url] of routes) expect((await call(loader, request(url), { slug: quiet.slug })).status, url).toBe(404);
    // An approved but unpublished activity changes nothing.
    let a = await createActivity(dpo.user.id, quiet.id, { content: ActivityContentSchema.parse({ name: "État civil" }), departmentId: departments[0]!.id });
    a = await transitionActivity(dpo.user.id, quiet.id, a.id, a.revision, "approve");
    expect((await call(publicPage.loader, request(`/public/${quiet.slug}`), { slug: quiet.slug })).status).toBe(404);
    await setActivityPublic(dpo.user.id, quiet.id, a.id, true);
    for (const [loader, url] of routes) expect((await call(loader, request(url), { slug: quiet.slug })).status, url).toBe(200);
  });
});
