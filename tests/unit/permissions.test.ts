import { describe, expect, it } from "vitest";
import { can, canAssignRole, canWriteInDepartment, isRole, PERMISSIONS, ROLES, type Permission, type Role } from "~/policies/index.ts";

describe("can", () => {
  // The expected table is written out by hand, independently of PERMISSIONS.
  const table: Record<Permission, Record<Role, boolean>> = {
    "org:read": { ADMIN: true, DPO: true, EDITOR: true, VIEWER: true },
    "org:update": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    "departments:manage": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    "members:read": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    "members:invite": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    "members:manage": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    // Issue 16: a single sign-on user without a role waits until an ADMIN accepts them.
    "members:access-requests": { ADMIN: true, DPO: false, EDITOR: false, VIEWER: false },
    "audit:read": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    // The whole register: an EDITOR only sees their own departments' activities.
    "register:export": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: true },
    "vendors:manage": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
    "mail:outbox": { ADMIN: true, DPO: false, EDITOR: false, VIEWER: false },
    "org:sign-in": { ADMIN: true, DPO: false, EDITOR: false, VIEWER: false },
    // Share-link recipients' IP addresses are personal data: not for VIEWERs, though they may export.
    "shares:read-ip": { ADMIN: true, DPO: true, EDITOR: false, VIEWER: false },
  };

  it("covers exactly the permissions the app defines", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(table).sort());
  });

  for (const [permission, byRole] of Object.entries(table) as [Permission, Record<Role, boolean>][]) {
    for (const role of ROLES) {
      it(`${role} ${byRole[role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(byRole[role]);
      });
    }
  }

  it("VIEWER and EDITOR manage nothing", () => {
    for (const role of ["EDITOR", "VIEWER"] as const) {
      const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
      expect(allowed.filter((p) => /:(update|manage|invite)$/.test(p) || p === "members:read" || p === "audit:read")).toEqual([]);
      expect(allowed).toContain("org:read");
    }
  });
});

describe("isRole", () => {
  it("accepts the four roles only", () => {
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    for (const v of ["admin", "OWNER", "", null, undefined, 1, {}]) expect(isRole(v)).toBe(false);
  });
});

describe("canAssignRole", () => {
  it("ADMIN may assign every role, with or without another ADMIN", () => {
    for (const target of ROLES) {
      expect(canAssignRole("ADMIN", target)).toBe(true);
      expect(canAssignRole("ADMIN", target, true)).toBe(true);
      expect(canAssignRole("ADMIN", target, false)).toBe(true);
    }
  });

  it("DPO manages DPO, EDITOR and VIEWER but not ADMIN when the org has one", () => {
    expect(canAssignRole("DPO", "DPO")).toBe(true);
    expect(canAssignRole("DPO", "EDITOR")).toBe(true);
    expect(canAssignRole("DPO", "VIEWER")).toBe(true);
    expect(canAssignRole("DPO", "ADMIN")).toBe(false);
    expect(canAssignRole("DPO", "ADMIN", true)).toBe(false);
  });

  it("DPO may appoint the first ADMIN of an organization that has none", () => {
    expect(canAssignRole("DPO", "ADMIN", false)).toBe(true);
    for (const target of ["DPO", "EDITOR", "VIEWER"] as const) expect(canAssignRole("DPO", target, false)).toBe(true);
  });

  it("EDITOR and VIEWER may assign nothing", () => {
    for (const actor of ["EDITOR", "VIEWER"] as const) {
      for (const target of ROLES) {
        expect(canAssignRole(actor, target, true)).toBe(false);
        expect(canAssignRole(actor, target, false)).toBe(false);
      }
    }
  });
});

describe("canWriteInDepartment", () => {
  const d1 = "dep-1";
  const d2 = "dep-2";

  it("ADMIN and DPO write everywhere, even outside any department", () => {
    for (const role of ["ADMIN", "DPO"] as const) {
      expect(canWriteInDepartment({ role, departmentIds: [] }, d1)).toBe(true);
      expect(canWriteInDepartment({ role, departmentIds: [] }, null)).toBe(true);
    }
  });

  it("EDITOR writes only in the departments assigned", () => {
    const editor = { role: "EDITOR" as const, departmentIds: [d1] };
    expect(canWriteInDepartment(editor, d1)).toBe(true);
    expect(canWriteInDepartment(editor, d2)).toBe(false);
    expect(canWriteInDepartment(editor, null)).toBe(false);
    expect(canWriteInDepartment({ role: "EDITOR", departmentIds: [] }, d1)).toBe(false);
    expect(canWriteInDepartment({ role: "EDITOR", departmentIds: [d1, d2] }, d2)).toBe(true);
    // An id is matched exactly, not by prefix.
    expect(canWriteInDepartment({ role: "EDITOR", departmentIds: ["dep-10"] }, d1)).toBe(false);
  });

  it("VIEWER writes nowhere, even with departments attached", () => {
    expect(canWriteInDepartment({ role: "VIEWER", departmentIds: [d1] }, d1)).toBe(false);
    expect(canWriteInDepartment({ role: "VIEWER", departmentIds: [] }, null)).toBe(false);
  });
});
