import { createHash } from "node:crypto";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** 120 bits of entropy, 24 characters of lowercase base32. */
export function generateSecureRandomString(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sha256Bytes(input: string | Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(input).digest());
}

/** Node's native SHA-256 (the audit chain hashes one event per imported activity: ADR 025). */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash("sha256").update(input).digest("hex");
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && constantTimeEqual(a, b);
}
