/** Issue 17: the accessibility statement, its rate from the recorded audit, and each organization's contact. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderRgaaAuditMarkdown } from "~/documents/rgaa-audit-markdown.ts";
import { RGAA_AUDIT, rgaaConformanceLevel, rgaaConformanceRate } from "~/reference/rgaa-audit.ts";
import * as statement from "~/routes/accessibilite.tsx";
import * as settings from "~/routes/o.$org.settings.tsx";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";
import { call } from "./route-helpers.ts";

describe("RGAA audit", () => {
  it("records the 106 criteria of RGAA 4.1 once each", () => {
    expect(RGAA_AUDIT).toHaveLength(106);
    expect(new Set(RGAA_AUDIT.map((c) => c.id)).size).toBe(106);
    const perTheme = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];
    perTheme.forEach((n, i) =>
      expect(
        RGAA_AUDIT.filter((c) => c.id.startsWith(`${i + 1}.`)),
        `theme ${i + 1}`,
      ).toHaveLength(n),
    );
  });

  it("computes the rate as C / (C + NC), rounded down", () => {
    expect(rgaaConformanceRate([{ status: "C" }, { status: "C" }, { status: "NC" }, { status: "NA" }])).toBe(66);
    expect(rgaaConformanceLevel(66)).toBe("partial");
    expect(rgaaConformanceLevel(100)).toBe("full");
    expect(rgaaConformanceLevel(49)).toBe("none");
  });

  it("the audit document agrees with the recorded data, criterion by criterion", () => {
    const md = fs.readFileSync(path.join(root, "docs/accessibility/rgaa-audit.md"), "utf8");
    for (const c of RGAA_AUDIT) expect(md, c.id).toContain(`| ${c.id} | ${c.status} |`);
    expect(md).toContain(`**Conformance rate: ${rgaaConformanceRate()} %**`);
  });

  it("the audit document is exactly what app/cli/rgaa-audit-doc.ts generates (evidence included)", () => {
    const md = fs.readFileSync(path.join(root, "docs/accessibility/rgaa-audit.md"), "utf8");
    expect(md, "run `npx tsx app/cli/rgaa-audit-doc.ts`").toBe(renderRgaaAuditMarkdown(md));
    for (const c of RGAA_AUDIT) expect(md, c.id).toContain(`| ${c.id} | ${c.status} | ${c.evidence} |`);
    // The criteria the browser spec backs cite it.
    for (const id of ["1.1", "1.6", "9.1", "9.2", "10.7", "10.11", "12.6", "12.7"])
      expect(RGAA_AUDIT.find((c) => c.id === id)?.evidence, id).toContain("rgaa.spec");
    expect(fs.existsSync(path.join(root, "tests/e2e/rgaa.spec.ts"))).toBe(true);
  });
});

describe("accessibility statement", () => {
  it("is public, states the rate, and shows the organization's own contact (or its DPO's)", async () => {
    const anonymous = await call(statement.loader, request("/accessibilite"));
    expect(anonymous.status).toBe(200);
    expect(anonymous.data).toMatchObject({ org: null, rate: rgaaConformanceRate(), level: rgaaConformanceLevel() });

    const { org } = await createOrg();
    const dpo = await signedInMember(org.id, "DPO");
    await getDb().organization.update({ where: { id: org.id }, data: { dpoEmail: "dpo@ville.example" } });
    const fallback = await call(statement.loader, request(`/accessibilite?org=${org.slug}`));
    expect(fallback.data).toMatchObject({ org: { name: org.name, accessibilityContact: null, dpoEmail: "dpo@ville.example" } });

    const save = await call(
      settings.action,
      request(`/o/${org.slug}/settings`, {
        method: "POST",
        cookie: dpo.cookie,
        body: form({ name: org.name, defaultLocale: "fr", version: "1", accessibilityContact: "accessibilite@ville.example" }),
      }),
      { org: org.slug },
    );
    expect(save.status).toBe(302);
    const withContact = await call(statement.loader, request(`/accessibilite?org=${org.slug}`));
    expect(withContact.data).toMatchObject({ org: { accessibilityContact: "accessibilite@ville.example" } });

    const tooLong = await call(
      settings.action,
      request(`/o/${org.slug}/settings`, {
        method: "POST",
        cookie: dpo.cookie,
        body: form({ name: org.name, defaultLocale: "fr", version: "2", accessibilityContact: "x".repeat(301) }),
      }),
      { org: org.slug },
    );
    expect(tooLong.status).toBe(400);
    const bad = await call(statement.loader, request("/accessibilite?org=../../etc"));
    expect(bad.data).toMatchObject({ org: null });
  });
});
