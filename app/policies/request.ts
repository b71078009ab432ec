/**
 * Who may do what with the log of data-subject requests (issue 15): only the DPO and the ADMIN.
 * Requests name people and their dealings with the commune; EDITORs and VIEWERs see none of them.
 */
import type { Role } from "./roles.ts";

export const REQUEST_STATUSES = ["RECEIVED", "IDENTITY_PENDING", "IN_PROGRESS", "EXTENDED", "ANSWERED", "REFUSED", "CLOSED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses in which the Art. 12(3) clock still runs. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["RECEIVED", "IDENTITY_PENDING", "IN_PROGRESS", "EXTENDED"];

export function canListRequests(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}

export function canManageRequests(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}

/** Retention settings of the log: the same people. */
export function canConfigureRequestRetention(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  RECEIVED: ["IDENTITY_PENDING", "IN_PROGRESS", "EXTENDED", "ANSWERED", "REFUSED"],
  IDENTITY_PENDING: ["IN_PROGRESS", "EXTENDED", "ANSWERED", "REFUSED"],
  IN_PROGRESS: ["IDENTITY_PENDING", "EXTENDED", "ANSWERED", "REFUSED"],
  EXTENDED: ["IN_PROGRESS", "ANSWERED", "REFUSED"],
  ANSWERED: ["CLOSED"],
  REFUSED: ["CLOSED"],
  CLOSED: [],
};

export function canMoveRequest(role: Role, from: RequestStatus, to: RequestStatus): boolean {
  return canManageRequests(role) && NEXT[from].includes(to);
}

export function nextRequestStatuses(from: RequestStatus): readonly RequestStatus[] {
  return NEXT[from];
}
