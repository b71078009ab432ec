import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import * as rootRoute from "~/root.tsx";
import { OrganizationCreateSchema, OrganizationUpdateSchema } from "~/schemas/organization.ts";
import { getDb } from "~/utils/db.server.ts";
import { localeFromAcceptLanguage, type Locale } from "~/utils/i18n.ts";
import { createT, isMessageKey, translate, translateMessage } from "~/utils/messages.server.ts";
import { ROLES } from "~/policies/index.ts";
import { emailField, localeField, newPasswordField, optionalText, requiredText, sirenField, slugField, z } from "~/utils/validation.ts";
import { createOrg, createUser, request } from "../helpers/factories.ts";
import { createSession } from "~/models/session.server.ts";
import { root } from "../helpers/paths.ts";
import { call } from "./route-helpers.ts";

const frKeys = Object.keys(fr);
const enKeys = Object.keys(en);
const dict: Record<Locale, Record<string, string>> = { fr, en };

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe("dictionaries", () => {
  it("fr and en have exactly the same keys", () => {
    expect(frKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in fr))).toEqual([]);
    expect(frKeys.length).toBeGreaterThan(50);
  });

  it("no message is empty", () => {
    for (const locale of ["fr", "en"] as const) {
      const empty = Object.entries(dict[locale]).filter(([, v]) => typeof v !== "string" || v.trim() === "");
      expect(empty, locale).toEqual([]);
    }
  });

  it("both languages use the same {placeholders}", () => {
    const mismatched = frKeys
      .filter((k) => k in en)
      .filter((k) => placeholders(fr[k as keyof typeof fr]).join(",") !== placeholders(en[k as keyof typeof en]).join(","));
    expect(mismatched).toEqual([]);
  });

  it("keys are namespaced and the English text is actually translated for most keys", () => {
    expect(frKeys.filter((k) => !/^[a-zA-Z]+(\.[A-Za-z0-9_]+)+$/.test(k))).toEqual([]);
    const same = frKeys.filter((k) => fr[k as keyof typeof fr] === en[k as keyof typeof en]);
    // A few words are the same in both (e.g. "Registre", "SIREN"); most must differ.
    expect(same.length).toBeLessThan(frKeys.length / 10);
  });
});

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "locales" || entry.name === "node_modules") continue;
      out.push(...sourceFiles(p));
    } else if (/\.(ts|tsx)$/.test(entry.name)) out.push(p);
  }
  return out;
}

describe("keys used in the source", () => {
  const files = sourceFiles(path.join(root, "app"));

  it("finds the source files", () => {
    expect(files.some((f) => f.endsWith(path.join("routes", "login.tsx")))).toBe(true);
  });

  it('every t("key") exists in fr', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of files) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/\bt\(\s*["']([^"']+)["']/g)) {
        found++;
        if (!isMessageKey(m[1]!)) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("every t(`template.${x}`) matches some key in fr", () => {
    const missing: string[] = [];
    for (const file of files) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/\bt\(\s*`([^`]+)`/g)) {
        const pattern = new RegExp(
          `^${m[1]!
            .split(/\$\{[^}]*\}/)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join("[A-Za-z0-9_]+")}$`,
        );
        if (!frKeys.some((k) => pattern.test(k))) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every "errors.*" / "toast.*" message key literal exists in fr', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of files) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/["'`]((?:errors|toast)\.[A-Za-z0-9_]+)(?=["'`|])/g)) {
        found++;
        if (!isMessageKey(m[1]!)) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(found).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("dynamic keys: every role and every missing identity field has a label", async () => {
    for (const r of ROLES) {
      expect(isMessageKey(`roles.${r}`), r).toBe(true);
      expect(isMessageKey(`home.welcome.${r}`), r).toBe(true);
    }
    const { org } = await createOrg();
    const { missingIdentity } = await getOrganizationOverview(org.id);
    expect(missingIdentity.length).toBeGreaterThan(0);
    for (const f of missingIdentity) expect(isMessageKey(`fields.${f}`), f).toBe(true);
  });
});

describe("translate", () => {
  it("interpolates named params and leaves unknown ones", () => {
    expect(translate("en", "errors.tooShort", { min: 12 })).toBe(en["errors.tooShort"].replace("{min}", "12"));
    expect(translate("fr", "errors.tooShort", { min: 12 })).toContain("12");
    expect(translate("fr", "errors.tooShort", { min: 12 })).not.toContain("{min}");
    expect(translate("fr", "errors.tooShort")).toBe(fr["errors.tooShort"]);
    expect(translate("en", "errors.tooShort", { other: 1 })).toContain("{min}");
    expect(translate("en", "errors.code", { status: 404 })).toBe(en["errors.code"].replace("{status}", "404"));
    expect(createT("fr")("nav.home")).toBe(fr["nav.home"]);
    expect(createT("en")("nav.home")).toBe(en["nav.home"]);
  });

  it("does not interpret $ patterns in params as regex replacements", () => {
    expect(translate("en", "account.signedInAs", { email: "a$&b@x.fr" })).toContain("a$&b@x.fr");
  });
});

describe("translateMessage", () => {
  it('handles "key|{json params}"', () => {
    expect(translateMessage("en", 'errors.tooShort|{"min":12}')).toBe(translate("en", "errors.tooShort", { min: 12 }));
    expect(translateMessage("fr", 'errors.tooLong|{"max":200}')).toBe(translate("fr", "errors.tooLong", { max: 200 }));
    expect(translateMessage("fr", "errors.required")).toBe(fr["errors.required"]);
  });

  it("falls back to errors.invalid for unknown keys or free text", () => {
    for (const msg of ["no.such.key", "Invalid input: expected string", "", "toString", "__proto__", "constructor|{}"]) {
      expect(translateMessage("en", msg), msg).toBe(en["errors.invalid"]);
      expect(translateMessage("fr", msg), msg).toBe(fr["errors.invalid"]);
    }
  });

  it("tolerates broken params", () => {
    expect(translateMessage("en", "errors.tooShort|{not json")).toBe(en["errors.tooShort"]);
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE", null],
    ["de,fr;q=0.5", "fr"],
    ["de;q=1,en;q=0.2,fr;q=0.4", "fr"],
    ["en;q=0,fr;q=0.1", "fr"],
    ["fr;q=0,de", null],
    ["EN-us", "en"],
    ["*", null],
    ["", null],
  ] as const)("%j -> %j", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("null header -> null", () => {
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe("root loader locale", () => {
  it("uses Accept-Language for an anonymous visitor, French by default", async () => {
    const en = await call(rootRoute.loader, request("/", { headers: { "Accept-Language": "en-GB,en;q=0.9" } }));
    expect((en.data as { locale: string; user: unknown }).locale).toBe("en");
    expect((en.data as { user: unknown }).user).toBeNull();
    const none = await call(rootRoute.loader, request("/"));
    expect((none.data as { locale: string }).locale).toBe("fr");
    const de = await call(rootRoute.loader, request("/", { headers: { "Accept-Language": "de-DE" } }));
    expect((de.data as { locale: string }).locale).toBe("fr");
  });

  it("the language cookie beats Accept-Language", async () => {
    const res = await call(rootRoute.loader, request("/", { headers: { "Accept-Language": "en" }, cookie: "registre_lang=fr" }));
    expect((res.data as { locale: string }).locale).toBe("fr");
  });

  it("a signed-in user's stored locale beats Accept-Language and the cookie", async () => {
    const u = await createUser({ locale: "fr" });
    const { token } = await createSession(u.id);
    const res = await call(
      rootRoute.loader,
      request("/", { headers: { "Accept-Language": "en-US,en;q=0.9" }, cookie: `registre_session=${token}; registre_lang=en` }),
    );
    const d = res.data as { locale: string; user: { id: string } | null };
    expect(d.locale).toBe("fr");
    expect(d.user?.id).toBe(u.id);

    await getDb().user.update({ where: { id: u.id }, data: { locale: "en" } });
    const res2 = await call(rootRoute.loader, request("/", { headers: { "Accept-Language": "fr" }, cookie: `registre_session=${token}` }));
    expect((res2.data as { locale: string }).locale).toBe("en");
  });

  it("a signed-in user without a stored locale follows Accept-Language", async () => {
    const u = await createUser({ locale: null });
    const { token } = await createSession(u.id);
    const res = await call(rootRoute.loader, request("/", { headers: { "Accept-Language": "en" }, cookie: `registre_session=${token}` }));
    expect((res.data as { locale: string }).locale).toBe("en");
  });
});

describe("zod messages are message keys", () => {
  function issueKeys(result: { success: boolean; error?: z.ZodError }): string[] {
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => i.message);
  }

  function expectAllKeys(messages: string[]) {
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      const bar = m.indexOf("|");
      const key = bar === -1 ? m : m.slice(0, bar);
      expect(isMessageKey(key), m).toBe(true);
      if (bar !== -1) expect(() => JSON.parse(m.slice(bar + 1)), m).not.toThrow();
      // And it translates to real text in both languages, with no {placeholder} left.
      for (const locale of ["fr", "en"] as const) expect(translateMessage(locale, m), m).not.toMatch(/\{\w+\}/);
    }
  }

  it("organization schemas", () => {
    const bad = {
      name: "",
      slug: "Not A Slug!",
      siren: "12345",
      address: "x".repeat(600),
      dpoEmail: "not-an-email",
      dpoPhone: "call me",
      dpoCnilNumber: "x".repeat(50),
      defaultLocale: "de",
      version: "abc",
    };
    const create = issueKeys(OrganizationCreateSchema.safeParse(bad));
    expectAllKeys(create);
    expect(create).toEqual(expect.arrayContaining(["errors.required", "errors.slug", "errors.siren", "errors.email", "errors.phone", "errors.choice"]));
    expect(create).toContain('errors.tooLong|{"max":500}');
    const update = issueKeys(OrganizationUpdateSchema.safeParse({ ...bad, version: "0" }));
    expectAllKeys(update);
    expect(update).toContain('errors.tooSmall|{"min":1}');
    expectAllKeys(issueKeys(OrganizationUpdateSchema.safeParse({})));
    expectAllKeys(issueKeys(OrganizationUpdateSchema.safeParse({ name: 42, defaultLocale: 1, version: "abc" })));
  });

  it("validation.ts fields", () => {
    const cases = [
      newPasswordField.safeParse("short"),
      newPasswordField.safeParse("x".repeat(201)),
      newPasswordField.safeParse(undefined),
      emailField.safeParse("nope"),
      emailField.safeParse(12),
      requiredText(5).safeParse("   "),
      requiredText(5).safeParse("much too long"),
      optionalText(3).safeParse("four"),
      slugField.safeParse("a"),
      slugField.safeParse("-bad-"),
      sirenField.safeParse("12 34"),
      localeField.safeParse("de"),
      z.object({ a: z.array(z.string()).min(2) }).safeParse({ a: ["x"] }),
      z.url().safeParse("not a url"),
      z.number().max(3).safeParse(4),
    ];
    const all = cases.flatMap((r) => issueKeys(r));
    expectAllKeys(all);
    expect(all).toEqual(
      expect.arrayContaining([
        'errors.tooShort|{"min":12}',
        'errors.tooLong|{"max":200}',
        "errors.required",
        "errors.email",
        "errors.invalid",
        'errors.tooLong|{"max":5}',
        'errors.tooLong|{"max":3}',
        "errors.slug",
        "errors.siren",
        "errors.choice",
        'errors.tooFewItems|{"min":2}',
        "errors.url",
        'errors.tooBig|{"max":3}',
      ]),
    );
  });
});
