/**
 * Personal access tokens (ADR 018). A token acts as its owner, narrowed by its scope: a read token may
 * only read, a read-write token may also do what the owner's role allows (the other policies decide).
 */
import type { Member } from "./roles.ts";

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Longest lifetime of a token, in days: an expiry is required, so a forgotten token dies on its own. */
export const API_TOKEN_MAX_DAYS = 366;

export function isApiTokenScope(value: unknown): value is ApiTokenScope {
  return typeof value === "string" && (API_TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Every member may create tokens for themselves: a token never has more rights than its owner. */
export function canCreateApiToken(m: Pick<Member, "role">): boolean {
  return m.role === "ADMIN" || m.role === "DPO" || m.role === "EDITOR" || m.role === "VIEWER";
}

/** Whether a token of this scope may make a request that changes data. */
export function apiScopeAllowsWrite(scope: string): boolean {
  return scope === "write";
}
