/**
 * Status and role columns are Prisma enums (ADR 017): the generated values must be exactly the domain
 * lists the policies, schemas and translations use, in the same order, and rows written before the
 * switch (plain TEXT, no migration needed on SQLite) read back with the same values.
 */
import { describe, expect, it } from "vitest";
import { LINK_ROLES, LOCATION_ROLES } from "~/analysis/sovereignty.ts";
import { $Enums } from "~/generated/prisma/client.ts";
import { BREACH_STATUSES } from "~/policies/breach.ts";
import { REQUEST_STATUSES } from "~/policies/request.ts";
import { ROLES } from "~/policies/roles.ts";
import { ACTIVITY_STATUSES } from "~/reference/vocabularies.ts";
import { DPIA_STATUSES } from "~/schemas/dpia.ts";
import { DPA_STATUSES } from "~/schemas/vendor.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

describe("Prisma enums", () => {
  it("hold exactly the domain values", () => {
    expect(Object.values($Enums.Role)).toEqual([...ROLES]);
    expect(Object.values($Enums.ActivityStatus)).toEqual([...ACTIVITY_STATUSES]);
    expect(Object.values($Enums.DpiaStatus)).toEqual([...DPIA_STATUSES]);
    expect(Object.values($Enums.BreachStatus)).toEqual([...BREACH_STATUSES]);
    expect(Object.values($Enums.RequestStatus)).toEqual([...REQUEST_STATUSES]);
    expect(Object.values($Enums.LinkRole)).toEqual([...LINK_ROLES]);
    expect(Object.values($Enums.LocationRole)).toEqual([...LOCATION_ROLES]);
    expect(Object.values($Enums.DpaStatus)).toEqual([...DPA_STATUSES]);
  });

  it("are stored as the same TEXT as before: rows written by SQL read back typed, and the client writes plain text", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    // As a database created before the switch holds them: plain TEXT written without the client.
    await getDb().$executeRawUnsafe(
      `INSERT INTO "Membership" ("id", "userId", "organizationId", "role", "createdAt") VALUES (?, ?, ?, 'EDITOR', CURRENT_TIMESTAMP)`,
      `m-${org.id}`,
      user.id,
      org.id,
    );
    const m = await getDb().membership.findUniqueOrThrow({ where: { id: `m-${org.id}` } });
    expect(m.role).toBe("EDITOR");
    await getDb().membership.update({ where: { id: m.id }, data: { role: "DPO" } });
    const raw = await getDb().$queryRawUnsafe<{ role: string; t: string }[]>(`SELECT role, typeof(role) AS t FROM "Membership" WHERE id = ?`, m.id);
    expect(raw).toEqual([{ role: "DPO", t: "text" }]);
  });
});
