import { describe, expect, it } from "vitest";
import data from "~/reference/countries.json";
import {
  adequacyFor,
  COUNTRIES_AS_OF,
  COUNTRY_CODES,
  countries,
  countryName,
  CountryReferenceSchema,
  getCountry,
  isCountryCode,
  isEea,
  isEu,
  lawsFor,
} from "~/reference/countries.ts";

describe("country reference data", () => {
  it("parses against the schema", () => {
    expect(CountryReferenceSchema.safeParse(data).success).toBe(true);
  });

  it("has exactly 249 unique ISO 3166-1 alpha-2 codes", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(isCountryCode("FR")).toBe(true);
    expect(isCountryCode("XK")).toBe(false);
    expect(isCountryCode("fr")).toBe(false);
    expect(getCountry("ZZ")).toBeNull();
  });

  it("classifies EU and EEA membership", () => {
    for (const code of ["FR", "DE", "IE"]) expect([isEu(code), isEea(code)]).toEqual([true, true]);
    for (const code of ["NO", "IS", "LI"]) expect([isEu(code), isEea(code)]).toEqual([false, true]);
    for (const code of ["CH", "GB"]) expect([isEu(code), isEea(code)]).toEqual([false, false]);
    for (const code of ["GF", "RE"]) expect(isEu(code)).toBe(true);
    for (const code of ["PF", "NC", "GL"]) expect(isEu(code)).toBe(false);
    expect(countries.filter((c) => c.eu)).toHaveLength(27 + 7); // member states + GF GP MQ RE YT MF AX
  });

  it("refers only to known countries from adequacy and law entries", () => {
    for (const entry of [...data.adequacy, ...data.laws]) expect(isCountryCode(entry.country)).toBe(true);
  });

  it("records the partial adequacy scopes", () => {
    expect(adequacyFor("US")?.scope).toBe("dpf_certified");
    expect(adequacyFor("CA")?.scope).toBe("commercial");
    expect(adequacyFor("CH")?.scope).toBe("full");
    expect(adequacyFor("GB")?.expires).toBe("2031-12-27");
    expect(adequacyFor("CN")).toBeNull();
  });

  it("lists the CLOUD Act and FISA 702 for the US", () => {
    const ids = lawsFor("US").map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(["us-cloud-act", "us-fisa-702"]));
    expect(lawsFor("FR")).toEqual([]);
  });

  it("names every country in French and English", () => {
    for (const c of countries) {
      expect(c.fr.trim()).not.toBe("");
      expect(c.en.trim()).not.toBe("");
    }
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("DE", "en")).toBe("Germany");
  });

  it("has a valid ISO asOf date", () => {
    expect(COUNTRIES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${COUNTRIES_AS_OF}T00:00:00Z`).toISOString().slice(0, 10)).toBe(COUNTRIES_AS_OF);
  });
});
