/** Dashboard entries of the breach register and the request log, filtered by what the member may see. */
import { activityScope } from "~/policies/department.ts";
import { breachClock } from "~/analysis/breach.ts";
import { deadlineState } from "~/analysis/requests.ts";
import { canListBreaches } from "~/policies/breach.ts";
import { canListRequests } from "~/policies/request.ts";
import type { Role } from "~/policies/roles.ts";
import { listRunningClocks } from "./breach.server.ts";
import { listOpenRequests } from "./request.server.ts";

export async function registersDashboard(organizationId: string, m: { role: Role; departmentIds: readonly string[] }, now = new Date()) {
  const showBreaches = canListBreaches(m);
  const [clocks, requests] = await Promise.all([
    showBreaches ? listRunningClocks(organizationId, activityScope(m)) : Promise.resolve([]),
    canListRequests(m.role) ? listOpenRequests(organizationId) : Promise.resolve([]),
  ]);
  return {
    showBreaches,
    showRequests: canListRequests(m.role),
    clocks: clocks
      .map((c) => ({ ref: c.ref, title: c.title, clock: breachClock(c.awareAt, null, now, c.notifyDecision) }))
      .filter((c) => c.clock.state === "running" || c.clock.state === "overdue")
      .map((c) => ({
        ref: c.ref,
        title: c.title,
        state: c.clock.state,
        deadline: c.clock.deadline.toISOString(),
        hoursLeft: Math.floor(c.clock.remainingMs / 3600_000),
      })),
    requests: requests
      .map((r) => ({ ref: r.ref, type: r.type, due: r.due.toISOString(), state: deadlineState(r.due, now, true) }))
      .filter((r) => r.state === "overdue" || r.state === "due_soon"),
  };
}
