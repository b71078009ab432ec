/**
 * ADR 025: SHA-256 is Node's native one instead of @oslojs/crypto's (the audit chain hashes one event per
 * imported activity). Every stored hash (audit chain, session tokens, files) must stay the same: both give
 * the same digest for any text — lone surrogates included — and any bytes.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Bytes, sha256Hex } from "~/utils/crypto.server.ts";

describe("sha256Hex and sha256Bytes", () => {
  it("give @oslojs/crypto's digest for any string and any bytes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string()), (s) => {
        const expected = sha256(new TextEncoder().encode(s));
        expect(sha256Hex(s)).toBe(encodeHexLowerCase(expected));
        expect(sha256Bytes(s)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect(sha256Hex(b)).toBe(encodeHexLowerCase(sha256(b)));
        expect(sha256Bytes(b)).toEqual(sha256(b));
      }),
    );
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("\ud800a")).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode("\ud800a"))));
  });
});
