/**
 * Issue 10, second part: the new legal fields travel everywhere the content goes (prefilled-path
 * tracking, exports, imports), and the exports show the corrected conclusions.
 */
import { describe, expect, it } from "vitest";
import { SECTION_CONTENT_KEYS } from "~/components/activity-form.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { CONTENT_KEYS, filledContentKeys, parsePrefilledPaths, withoutConfirmed } from "~/utils/prefilled.ts";

describe("prefilled paths cover every content field", () => {
  it("CONTENT_KEYS lists every top-level key of the activity content, and each has a section of the full form", () => {
    expect([...CONTENT_KEYS].sort()).toEqual(Object.keys(ActivityContentSchema.shape).sort());
    const inSections = Object.values(SECTION_CONTENT_KEYS).flat();
    for (const k of CONTENT_KEYS) expect(inSections, k).toContain(k);
  });

  it("a template's domain and LED fields are tracked as prefilled until confirmed", () => {
    const content = ActivityContentSchema.parse({
      name: "Vidéoprotection",
      regime: "LED",
      domain: "other",
      ledLegalBasis: "CSI L251-2",
      ledProfiling: "Aucun profilage",
    });
    const keys = filledContentKeys(content);
    expect(keys).toEqual(expect.arrayContaining(["regime", "domain", "ledLegalBasis", "ledProfiling"]));
    expect(parsePrefilledPaths(JSON.stringify(keys))).toEqual(keys);
    expect(withoutConfirmed(keys, ["domain", "ledProfiling"])).toEqual(keys.filter((k) => k !== "domain" && k !== "ledProfiling"));
  });
});
