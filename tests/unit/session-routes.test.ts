/** The language switch and logout routes, called as Remix would call them. */
import { describe, expect, it } from "vitest";
import { getUserById } from "~/models/user.server.ts";
import { validateSessionToken } from "~/models/session.server.ts";
import * as lang from "~/routes/lang.tsx";
import * as logout from "~/routes/logout.tsx";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

describe("POST /lang", () => {
  it("stores the language on the signed-in user, sets the cookie and goes back to the page", async () => {
    const { org } = await createOrg();
    const me = await signedInMember(org.id, "VIEWER");
    const res = await call(
      lang.action,
      request("/lang", { method: "POST", cookie: me.cookie, body: form({ locale: "en", redirectTo: `/o/${org.slug}/activities?q=x` }) }),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${org.slug}/activities?q=x`);
    expect(res.headers.get("Set-Cookie")).toMatch(/=en(;|$)/);
    expect((await getUserById(me.user.id))?.locale).toBe("en");
  });

  it("never redirects off-site, and ignores an unknown language", async () => {
    const offSite = await call(lang.action, request("/lang", { method: "POST", body: form({ locale: "fr", redirectTo: "//evil.example/x" }) }));
    expect(offSite.location).toBe("/");
    expect(offSite.headers.get("Set-Cookie")).toMatch(/=fr(;|$)/);
    const unknown = await call(lang.action, request("/lang", { method: "POST", body: form({ locale: "de", redirectTo: "/account" }) }));
    expect(unknown.location).toBe("/");
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("POST /logout", () => {
  it("ends the session, clears the cookie and records the logout", async () => {
    const { org } = await createOrg();
    const me = await signedInMember(org.id, "EDITOR");
    expect(await validateSessionToken(me.token)).not.toBeNull();
    const res = await call(logout.action, request("/logout", { method: "POST", cookie: me.cookie }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await validateSessionToken(me.token)).toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { actorId: me.user.id, action: "logout" } });
    expect(events.map((e) => e.entityId)).toEqual([me.session.id]);
  });

  it("without a session only clears the cookie", async () => {
    const res = await call(logout.action, request("/logout", { method: "POST" }));
    expect(res.location).toBe("/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});
