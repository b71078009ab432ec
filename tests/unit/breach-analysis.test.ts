/** Pure rules of the breach register and the request log: clocks, ENISA severity, vendor scope, deadlines, policies. */
import { describe, expect, it } from "vitest";
import { breachClock, breachScopeForVendor, enisaSeverity, needsDelayReason, prefillFromActivities, suggestedDpc } from "~/analysis/breach.ts";
import { anonymizeAfter, canExtend, deadlineState, requestDueDate } from "~/analysis/requests.ts";
import type { ServiceGraph, ServiceNode } from "~/analysis/sovereignty.ts";
import { canCommentBreach, canListBreaches, canManageBreach, canReadBreach, canReportBreach, canTransitionBreach } from "~/policies/breach.ts";
import { canListRequests, canMoveRequest } from "~/policies/request.ts";
import { isSensitiveCategory } from "~/reference/vocabularies.ts";
import { AssessmentSchema } from "~/schemas/breach.ts";
import { parisLocalToUtc, utcToParisLocal } from "~/utils/paris-time.ts";

const H = 3600_000;

describe("72-hour clock", () => {
  const aware = new Date("2026-03-02T08:00:00Z");
  it("runs from awareness and turns overdue after 72 hours", () => {
    expect(breachClock(aware, null, new Date(aware.getTime() + 71 * H)).state).toBe("running");
    expect(breachClock(aware, null, new Date(aware.getTime() + 71 * H)).remainingMs).toBe(H);
    expect(breachClock(aware, null, new Date(aware.getTime() + 73 * H)).state).toBe("overdue");
    expect(breachClock(aware, null, new Date(aware.getTime() + 1 * H)).deadline.toISOString()).toBe("2026-03-05T08:00:00.000Z");
  });
  it("stops at the initial notification, in time or late", () => {
    expect(breachClock(aware, new Date(aware.getTime() + 72 * H), new Date(aware.getTime() + 500 * H)).state).toBe("notified_in_time");
    expect(breachClock(aware, new Date(aware.getTime() + 72 * H + 1), new Date()).state).toBe("notified_late");
  });
  it("does not count once the decision is not to notify", () => {
    expect(breachClock(aware, null, new Date(aware.getTime() + 100 * H), false).state).toBe("not_required");
  });
  it("asks for the reasons of a delay only beyond 72 hours", () => {
    expect(needsDelayReason(aware, new Date(aware.getTime() + 72 * H))).toBe(false);
    expect(needsDelayReason(aware, new Date(aware.getTime() + 72 * H + 60_000))).toBe(true);
  });
});

describe("ENISA severity", () => {
  it("computes SE = DPC × EI + CB and maps it to a risk level", () => {
    // Encrypted laptop: simple data, identification negligible, confidentiality lost without known misuse.
    expect(enisaSeverity({ dpc: 2, ei: 0.25, confidentiality: 0.25, integrity: 0, availability: 0, malicious: false })).toEqual({
      score: 0.75,
      level: "low",
      suggested: "NONE",
    });
    expect(enisaSeverity({ dpc: 3, ei: 0.75, confidentiality: 0, integrity: 0, availability: 0.25, malicious: false })).toMatchObject({
      score: 2.5,
      level: "medium",
      suggested: "RISK",
    });
    expect(enisaSeverity({ dpc: 4, ei: 0.75, confidentiality: 0.5, integrity: 0, availability: 0, malicious: false })).toMatchObject({
      score: 3.5,
      level: "high",
      suggested: "HIGH",
    });
    expect(enisaSeverity({ dpc: 4, ei: 1, confidentiality: 0.5, integrity: 0.25, availability: 0.5, malicious: true })).toMatchObject({
      score: 5.75,
      level: "very_high",
      suggested: "HIGH",
    });
    expect(enisaSeverity({ dpc: 1, ei: 1, confidentiality: 0.5, integrity: 0.5, availability: 0, malicious: false }).level).toBe("medium");
  });
  it("suggests the data processing context from the categories", () => {
    expect(suggestedDpc(["identity"], isSensitiveCategory)).toBe(1);
    expect(suggestedDpc(["identity", "location"], isSensitiveCategory)).toBe(2);
    expect(suggestedDpc(["economic"], isSensitiveCategory)).toBe(3);
    expect(suggestedDpc(["identity", "health"], isSensitiveCategory)).toBe(4);
    expect(suggestedDpc(["offences"], isSensitiveCategory)).toBe(4);
  });
  it("a high risk without informing the people needs an Art. 34(3) exemption", () => {
    const base = {
      enisa: { dpc: "4", ei: "1", confidentiality: "0.5", integrity: "0", availability: "0" },
      risk: "HIGH",
      reasoning: "r",
      notifyCnil: "yes",
      notifyReasoning: "r",
      informSubjects: "no",
      informReasoning: "r",
    };
    const r = AssessmentSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("errors.breachExemptionNeeded");
    expect(AssessmentSchema.safeParse({ ...base, exemption: "a" }).success).toBe(true);
    expect(AssessmentSchema.safeParse({ ...base, informSubjects: "yes", exemption: "a" }).success).toBe(false);
    expect(AssessmentSchema.safeParse({ ...base, enisa: { ...base.enisa, ei: "0.3" } }).success).toBe(false);
  });
});

function node(id: string, vendorId: string, providers: string[] = []): ServiceNode {
  return {
    id,
    name: id,
    secNumCloudQualified: false,
    vendor: { id: vendorId, name: `V-${vendorId}`, country: "FR", parentName: null, parentCountry: null, dpfCertified: null },
    locations: providers.map((p) => ({ role: "STORAGE", country: "FR", region: null, providerServiceId: p, safeguard: null, tiaDone: false })),
  };
}

describe("breach scope at a vendor", () => {
  // s1 (vendor A) runs on s2 (vendor B) which runs on s3 (vendor C); s4 (vendor D) stands alone; s5 (C) loops back to s1.
  const graph: ServiceGraph = new Map([
    ["s1", node("s1", "A", ["s2"])],
    ["s2", node("s2", "B", ["s3"])],
    ["s3", node("s3", "C")],
    ["s4", node("s4", "D")],
    ["s5", node("s5", "C", ["s1"])],
  ]);
  const acts = [
    {
      id: "a1",
      ref: "T-0001",
      name: "Paie",
      serviceIds: ["s1"],
      dataCategories: ["identity", "economic"],
      subjects: [{ category: "agents", estimatedCount: 300 }],
    },
    {
      id: "a2",
      ref: "T-0002",
      name: "Cantine",
      serviceIds: ["s4"],
      dataCategories: ["identity", "health"],
      subjects: [{ category: "children", estimatedCount: 800 }],
    },
    {
      id: "a3",
      ref: "T-0003",
      name: "Archives",
      serviceIds: ["s3", "s4"],
      dataCategories: ["identity"],
      subjects: [{ category: "residents", estimatedCount: null }],
    },
  ];
  it("finds activities using the vendor directly or through sub-processors, with the chain", () => {
    const c = breachScopeForVendor(graph, "C", acts);
    expect(c.map((x) => [x.ref, x.direct, x.via])).toEqual([
      ["T-0001", false, ["V-A", "V-B", "V-C"]],
      ["T-0003", true, ["V-C"]],
    ]);
    expect(c[0]!.people).toBe(300);
    expect(c[1]!.people).toBeNull();
    expect(breachScopeForVendor(graph, "D", acts).map((x) => x.ref)).toEqual(["T-0002", "T-0003"]);
    expect(breachScopeForVendor(graph, "Z", acts)).toEqual([]);
  });
  it("survives cycles in the sub-processor graph", () => {
    expect(breachScopeForVendor(graph, "A", [{ ...acts[0]!, serviceIds: ["s5"] }]).map((x) => x.via)).toEqual([["V-C", "V-A"]]);
  });
  it("prefills data and subjects as unions with summed counts", () => {
    const p = prefillFromActivities([acts[0]!, acts[2]!, { dataCategories: [], subjects: [{ category: "agents", estimatedCount: 5 }] }]);
    expect(p.dataCategories).toEqual(["identity", "economic"]);
    expect(p.subjects).toEqual([
      { category: "agents", count: 305 },
      { category: "residents", count: null },
    ]);
  });
});

describe("Art. 12(3) deadlines", () => {
  it("one month from receipt, the same date next month or the month's last day", () => {
    expect(requestDueDate(new Date("2026-03-10T15:00:00Z")).toISOString().slice(0, 10)).toBe("2026-04-10");
    expect(requestDueDate(new Date("2026-01-31T09:00:00Z")).toISOString().slice(0, 10)).toBe("2026-03-02"); // Feb 28 2026 is a Saturday
    expect(requestDueDate(new Date("2027-01-29T09:00:00Z")).toISOString().slice(0, 10)).toBe("2027-03-01"); // Feb 28 2027 is a Sunday
    expect(requestDueDate(new Date("2026-05-31T09:00:00Z")).toISOString().slice(0, 10)).toBe("2026-06-30");
  });
  it("the extension adds two months, decided within the first month", () => {
    expect(requestDueDate(new Date("2026-03-10T00:00:00Z"), true).toISOString().slice(0, 10)).toBe("2026-06-10");
    expect(canExtend(new Date("2026-03-10T00:00:00Z"), new Date("2026-04-10T12:00:00Z"), false)).toBe(true);
    expect(canExtend(new Date("2026-03-10T00:00:00Z"), new Date("2026-04-11T00:00:00Z"), false)).toBe(false);
    expect(canExtend(new Date("2026-03-10T00:00:00Z"), new Date("2026-03-11T00:00:00Z"), true)).toBe(false);
  });
  it("overdue, due soon, on time, done", () => {
    const due = new Date("2026-04-10T00:00:00Z");
    expect(deadlineState(due, new Date("2026-04-11T08:00:00Z"), true)).toBe("overdue");
    expect(deadlineState(due, new Date("2026-04-10T20:00:00Z"), true)).toBe("due_soon");
    expect(deadlineState(due, new Date("2026-04-03T08:00:00Z"), true)).toBe("due_soon");
    expect(deadlineState(due, new Date("2026-04-02T08:00:00Z"), true)).toBe("on_time");
    expect(deadlineState(due, new Date("2027-01-01T08:00:00Z"), false)).toBe("done");
    expect(anonymizeAfter(new Date("2026-01-31T00:00:00Z"), 13).toISOString().slice(0, 10)).toBe("2027-02-28");
  });
});

describe("Paris wall-clock times", () => {
  it("converts both ways across daylight saving time", () => {
    expect(parisLocalToUtc("2026-01-15T10:30")?.toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(parisLocalToUtc("2026-07-15T10:30")?.toISOString()).toBe("2026-07-15T08:30:00.000Z");
    expect(utcToParisLocal(new Date("2026-07-15T08:30:00Z"))).toBe("2026-07-15T10:30");
    expect(parisLocalToUtc("2026-02-30T10:00")).toBeNull();
    expect(parisLocalToUtc("yesterday")).toBeNull();
  });
});

describe("policies", () => {
  const dpo = { role: "DPO" as const, departmentIds: [] };
  const admin = { role: "ADMIN" as const, departmentIds: [] };
  const editor = { role: "EDITOR" as const, departmentIds: ["d1"] };
  const viewer = { role: "VIEWER" as const, departmentIds: [] };
  const mine = { departmentId: "d1", status: "OPEN" };
  const other = { departmentId: "d2", status: "OPEN" };
  it("breaches: DPO and ADMIN manage, an EDITOR reports and follows their departments', a VIEWER sees none", () => {
    for (const m of [dpo, admin]) {
      expect(canListBreaches(m) && canReadBreach(m, other) && canManageBreach(m, other) && canReportBreach(m, null)).toBe(true);
      expect(canTransitionBreach(m, { departmentId: null, status: "ASSESSED" }, "notNotified")).toBe(true);
    }
    expect(canListBreaches(editor)).toBe(true);
    expect(canReadBreach(editor, mine)).toBe(true);
    expect(canCommentBreach(editor, mine)).toBe(true);
    expect(canReadBreach(editor, other)).toBe(false);
    expect(canReadBreach(editor, { departmentId: null, status: "OPEN" })).toBe(false);
    expect(canManageBreach(editor, mine)).toBe(false);
    expect(canReportBreach(editor, "d1")).toBe(true);
    expect(canReportBreach(editor, "d2")).toBe(false);
    expect(canReportBreach(editor, null)).toBe(false);
    expect(canTransitionBreach(editor, mine, "assess")).toBe(false);
    expect(canListBreaches(viewer) || canReadBreach(viewer, mine) || canReportBreach(viewer, "d1")).toBe(false);
    expect(canManageBreach(dpo, { departmentId: null, status: "CLOSED" })).toBe(false);
    expect(canTransitionBreach(dpo, { departmentId: null, status: "OPEN" }, "close")).toBe(false);
  });
  it("requests: only DPO and ADMIN, through allowed steps", () => {
    expect(canListRequests("DPO") && canListRequests("ADMIN")).toBe(true);
    expect(canListRequests("EDITOR") || canListRequests("VIEWER")).toBe(false);
    expect(canMoveRequest("DPO", "RECEIVED", "IN_PROGRESS")).toBe(true);
    expect(canMoveRequest("DPO", "CLOSED", "IN_PROGRESS")).toBe(false);
    expect(canMoveRequest("EDITOR", "RECEIVED", "IN_PROGRESS")).toBe(false);
  });
});
