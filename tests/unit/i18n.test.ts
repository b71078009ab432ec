import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import * as rootRoute from "~/root.tsx";
import * as messagesRoute from "~/routes/messages.$locale.ts";
import { OrganizationCreateSchema, OrganizationUpdateSchema } from "~/schemas/organization.ts";
import { getDb } from "~/utils/db.server.ts";
import { fallbackMessages } from "~/locales/fallback.ts";
import { createTranslator, formatMessage, localeFromAcceptLanguage, messageArguments, type Locale, type MessageKey } from "~/utils/i18n.ts";
import {
  clientMessages,
  createT,
  MESSAGES_COOKIE,
  messagesVersion,
  isMessageKey,
  isServerOnlyKey,
  SERVER_ONLY_PREFIXES,
  serverTranslator,
  translate,
  translateMessage,
} from "~/utils/messages.server.ts";
import { translatorFromMatches, translatorFromRoot } from "~/utils/use-i18n.ts";
import { ROLES } from "~/policies/index.ts";
import { emailField, localeField, newPasswordField, optionalText, requiredText, sirenField, slugField, z } from "~/utils/validation.ts";
import { createOrg, createUser, request } from "../helpers/factories.ts";
import { createSession } from "~/models/session.server.ts";
import { root } from "../helpers/paths.ts";
import { call } from "./route-helpers.ts";

const frKeys = Object.keys(fr);
const enKeys = Object.keys(en);
const dict: Record<Locale, Record<string, string>> = { fr, en };

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

  it("both languages use the same {placeholders} and plural arguments", () => {
    const mismatched = frKeys
      .filter((k) => k in en)
      .filter((k) => messageArguments(fr[k as keyof typeof fr]).join(",") !== messageArguments(en[k as keyof typeof en]).join(","));
    expect(mismatched).toEqual([]);
    // The helper sees both forms, so the check above covers plural messages too.
    expect(messageArguments("{count, plural, one {# x in {where}} other {# xs}} {name}")).toEqual(["count", "name", "where"]);
  });

  it("every plural message is well formed: with 0, 1, 2 and 1000, no plural block is left in either language", () => {
    const bad: string[] = [];
    let plurals = 0;
    for (const locale of ["fr", "en"] as const) {
      for (const [key, template] of Object.entries(dict[locale])) {
        if (!template.includes(", plural,")) continue;
        plurals++;
        if (!/\bother\s*\{/.test(template)) bad.push(`${locale} ${key}: no "other" branch`);
        for (const n of [0, 1, 2, 1000]) {
          const params = Object.fromEntries(messageArguments(template).map((a) => [a, n]));
          const out = formatMessage(locale, template, params);
          if (/[{}#]/.test(out)) bad.push(`${locale} ${key} (${n}): ${out}`);
        }
      }
    }
    expect(plurals).toBeGreaterThanOrEqual(40);
    expect(bad).toEqual([]);
  });

  it('no French message falls back to "(s)" / "(x)": counts use plural forms', () => {
    expect(frKeys.filter((k) => /\((s|x|e|es)\)/.test(fr[k as keyof typeof fr]))).toEqual([]);
    expect(enKeys.filter((k) => /\((s|ies)\)/.test(en[k as keyof typeof en]))).toEqual([]);
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

  /**
   * A key counts as used when app/ (locales excepted) holds:
   *  1. the key as a string literal ("nav.home", 'errors.tooShort|{...}' — a validation message);
   *  2. a literal namespace it lies under, for keys built by concatenation or from a table
   *     ("vocab.finalFate" in activity-form.tsx's VOCAB_PREFIX, "tabular.column." in import/headers.ts);
   *  3. a template literal that starts with a namespace and matches it, each ${…} standing for one or
   *     more segments (`sovereignty.transfer.${status}`, `auditLog.action.${action}` with "activity.created").
   * Nothing else is accepted: no allow-list, so a key that no code can produce fails here and is deleted.
   */
  it("every key in the dictionaries is used somewhere in app/ (literally, under a literal namespace, or by a key template)", () => {
    const src = files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
    const literals = new Set([...src.matchAll(/["'`]([A-Za-z]\w*(?:\.\w+)+\.?)(?=["'`|])/g)].map((m) => m[1]!));
    const namespaces = [...literals].map((l) => (l.endsWith(".") ? l : `${l}.`));
    const templates = [...src.matchAll(/`([A-Za-z]\w*\.(?:[^`$]|\$\{[^}]*\})*)`/g)]
      .map((m) => m[1]!)
      .filter((tpl) => tpl.includes("${"))
      .map(
        (tpl) =>
          new RegExp(
            `^${tpl
              .split(/\$\{[^}]*\}/)
              .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
              .join("[\\w.-]+")}$`,
          ),
      );
    expect(templates.length).toBeGreaterThan(100);
    const used = (k: string) => literals.has(k) || namespaces.some((n) => k.startsWith(n)) || templates.some((r) => r.test(k));
    expect(frKeys.filter((k) => !used(k))).toEqual([]);
    // The rules can fail: a key that nothing names is reported.
    expect(used("nav.noSuchPageAnywhere")).toBe(false);
    expect(used("sovereignty.transfer.adequate")).toBe(true);
  });

  it("no component renders a server-only key (PDF, spreadsheet, mail): the browser does not hold them", () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".tsx"))) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/["'`]((?:pdf|tabular|mail)\.[A-Za-z][\w.${}]*)["'`]/g)) offenders.push(`${path.relative(root, file)}: ${m[1]}`);
    }
    expect(SERVER_ONLY_PREFIXES).toEqual(["pdf.", "tabular.", "mail."]);
    expect(offenders).toEqual([]);
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

describe("messages sent to the browser", () => {
  it("hold one language, every key but the server-only ones (PDF, spreadsheet, mail)", () => {
    for (const locale of ["fr", "en"] as const) {
      const client = clientMessages(locale);
      const keys = Object.keys(client);
      expect(keys.filter(isServerOnlyKey), locale).toEqual([]);
      expect(keys.length, locale).toBe(frKeys.filter((k) => !isServerOnlyKey(k)).length);
      for (const k of keys) expect(client[k as MessageKey], k).toBe(dict[locale][k]);
    }
    expect(frKeys.filter((k) => k.startsWith("pdf.")).length).toBeGreaterThan(100);
    expect(frKeys.some((k) => k.startsWith("tabular."))).toBe(true);
    expect(frKeys.some((k) => k.startsWith("mail."))).toBe(true);
    expect(clientMessages("fr")["nav.home"]).toBe(fr["nav.home"]);
    expect(clientMessages("en")["nav.home"]).toBe(en["nav.home"]);
  });

  it("the root loader sends the active language's client messages only", async () => {
    const english = await call(rootRoute.loader, request("/", { headers: { "Accept-Language": "en" } }));
    const d = english.data as { locale: string; messages: Record<string, string> };
    expect(d.locale).toBe("en");
    expect(d.messages).toEqual(clientMessages("en"));
    expect(d.messages["nav.home"]).toBe(en["nav.home"]);
    expect(Object.keys(d.messages).some((k) => k.startsWith("pdf."))).toBe(false);
    const french = await call(rootRoute.loader, request("/"));
    expect((french.data as { messages: Record<string, string> }).messages["nav.home"]).toBe(fr["nav.home"]);
  });

  it("a data request from a browser that holds this language and version gets no messages; any other request does", async () => {
    const held = `${MESSAGES_COOKIE}=fr.${messagesVersion("fr")}`;
    const messagesOf = async (headers: Record<string, string>, cookie?: string) => {
      const res = await call(rootRoute.loader, request("/", { headers, ...(cookie ? { cookie } : {}) }));
      return { d: res.data as { messages: Record<string, string> | null; messagesVersion: string }, setCookie: res.headers.get("Set-Cookie") ?? "" };
    };
    // A page load: messages, and the cookie that names them.
    const page = await messagesOf({ "Sec-Fetch-Dest": "document" });
    expect(page.d.messages).toEqual(clientMessages("fr"));
    expect(page.d.messagesVersion).toBe(messagesVersion("fr"));
    expect(page.setCookie).toContain(`${MESSAGES_COOKIE}=fr.${messagesVersion("fr")}`);
    // A fetch from that browser: none.
    const again = await messagesOf({ "Sec-Fetch-Dest": "empty" }, held);
    expect(again.d.messages).toBeNull();
    expect(again.d.messagesVersion).toBe(messagesVersion("fr"));
    expect(again.setCookie).not.toContain(MESSAGES_COOKIE);
    // A page load with the cookie (no JavaScript, a reload), a fetch without it, another language or an old version: all of them.
    expect((await messagesOf({ "Sec-Fetch-Dest": "document" }, held)).d.messages).toEqual(clientMessages("fr"));
    expect((await messagesOf({}, held)).d.messages).toEqual(clientMessages("fr"));
    expect((await messagesOf({ "Sec-Fetch-Dest": "empty" })).d.messages).toEqual(clientMessages("fr"));
    expect((await messagesOf({ "Sec-Fetch-Dest": "empty", "Accept-Language": "en" }, held)).d.messages).toEqual(clientMessages("en"));
    expect((await messagesOf({ "Sec-Fetch-Dest": "empty" }, `${MESSAGES_COOKIE}=fr.000000000000`)).d.messages).toEqual(clientMessages("fr"));
    expect(messagesVersion("fr")).not.toBe(messagesVersion("en"));
  });

  it("/messages/<locale> serves one language's client messages, cached only for the current version", async () => {
    const en = await call(messagesRoute.loader, request(`/messages/en?v=${messagesVersion("en")}`), { locale: "en" });
    expect(en.status).toBe(200);
    expect(en.data).toEqual(clientMessages("en"));
    expect(en.headers.get("Cache-Control")).toContain("immutable");
    const old = await call(messagesRoute.loader, request("/messages/fr?v=old"), { locale: "fr" });
    expect(old.data).toEqual(clientMessages("fr"));
    expect(old.headers.get("Cache-Control")).toBe("no-cache");
    const de = await call(messagesRoute.loader, request("/messages/de"), { locale: "de" });
    expect(de.status).toBe(404);
  });

  it("the browser's translator reads the root data; without it, the French fallback of the error page", () => {
    const tr = translatorFromRoot({ locale: "en", messages: clientMessages("en") });
    expect(tr.locale).toBe("en");
    expect(tr.t("nav.home")).toBe(en["nav.home"]);
    expect(tr.has("nav.home")).toBe(true);
    expect(tr.has("pdf.title")).toBe(false);
    expect(tr.msg('errors.tooShort|{"min":12}')).toBe(translate("en", "errors.tooShort", { min: 12 }));
    expect(tr.msg("pdf.title")).toBe(en["errors.invalid"]);
    expect(tr.msg("__proto__")).toBe(en["errors.invalid"]);
    expect(translatorFromMatches([{ id: "root", data: { locale: "fr", messages: clientMessages("fr") } }]).t("nav.home")).toBe(fr["nav.home"]);
    const none = translatorFromRoot(undefined);
    expect(none.locale).toBe("fr");
    expect(none.t("errors.unexpectedTitle")).toBe(fr["errors.unexpectedTitle"]);
  });

  it("the fallback messages are the French dictionary's", () => {
    const entries = Object.entries(fallbackMessages);
    expect(entries.length).toBeGreaterThan(10);
    for (const [k, v] of entries) expect(v, k).toBe(fr[k as MessageKey]);
  });
});

describe("plurals (Intl.PluralRules)", () => {
  const tpl = "{count, plural, =0 {aucun traitement} one {# traitement} other {# traitements}} à {place}";

  it("picks the exact, then the language's category, then other", () => {
    expect(formatMessage("fr", tpl, { count: 0, place: "Lyon" })).toBe("aucun traitement à Lyon");
    expect(formatMessage("fr", tpl, { count: 1, place: "Lyon" })).toBe("1 traitement à Lyon");
    expect(formatMessage("fr", tpl, { count: 2, place: "Lyon" })).toBe("2 traitements à Lyon");
    // French: 0 and 1 are "one"; English: only 1.
    const noExact = "{n, plural, one {# item} other {# items}}";
    expect(formatMessage("fr", noExact, { n: 0 })).toBe("0 item");
    expect(formatMessage("en", noExact, { n: 0 })).toBe("0 items");
    expect(formatMessage("en", noExact, { n: 1 })).toBe("1 item");
    expect(formatMessage("en", noExact, { n: 1000000 })).toBe("1000000 items");
  });

  it("accepts a count already formatted, and prints it as given", () => {
    expect(formatMessage("fr", tpl, { count: "1\u202f234", place: "x" })).toBe("1\u202f234 traitements à x");
    expect(formatMessage("en", "{n, plural, one {# row} other {# rows}}", { n: "1,000" })).toBe("1,000 rows");
  });

  it("leaves the block as it is when the count is missing or not a number", () => {
    expect(formatMessage("fr", tpl, { place: "x" })).toBe("{count, plural, =0 {aucun traitement} one {# traitement} other {# traitements}} à x");
    expect(formatMessage("fr", tpl, { count: "many", place: "x" })).toContain("{count, plural,");
    expect(formatMessage("fr", "{n, plural, one {x}", { n: 1 })).toBe("{n, plural, one {x}");
  });

  it("real messages: French and English agree on the number", () => {
    expect(translate("fr", "register.count", { count: 1 })).toBe("1 traitement");
    expect(translate("fr", "register.count", { count: 0 })).toBe("0 traitement");
    expect(translate("fr", "register.count", { count: 12 })).toBe("12 traitements");
    expect(translate("en", "register.count", { count: 1 })).toBe("1 activity");
    expect(translate("en", "register.count", { count: 0 })).toBe("0 activities");
    expect(translateMessage("fr", 'errors.tooFewItems|{"min":1}')).toBe("Choisissez au moins 1 élément.");
    expect(translateMessage("fr", 'errors.tooFewItems|{"min":2}')).toBe("Choisissez au moins 2 éléments.");
    expect(serverTranslator("en").t("vendors.service.confirmDelete", { name: "Mail", count: 1 })).toBe(
      "Delete Mail? 1 activity uses it: their links to this service will be deleted.",
    );
    expect(createTranslator("fr", { "onboarding.progress": fr["onboarding.progress"] }).t("onboarding.progress", { done: 0, total: 7 })).toBe(
      "0 sur 7 étapes terminées",
    );
  });
});
