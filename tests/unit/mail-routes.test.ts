import { beforeAll, describe, expect, it } from "vitest";
import * as account from "~/routes/account.tsx";
import * as outbox from "~/routes/o.$org.outbox.tsx";
import * as unsubscribe from "~/routes/mail.unsubscribe.$token.tsx";
import { createInvitation } from "~/models/invitation.server.ts";
import { getMailPreferences } from "~/models/mail.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { resetEnvCache } from "~/utils/env.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

beforeAll(() => {
  delete process.env.SMTP_HOST;
  resetEnvCache();
});

describe("outbox page", () => {
  it("shows the organization's mails to an ADMIN only, never another organization's", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    const admin = await signedInMember(org.id, "ADMIN");
    const dpo = await signedInMember(org.id, "DPO");
    const otherAdmin = await signedInMember(other.org.id, "ADMIN");
    const inv = await createInvitation(admin.user.id, org.id, { email: "new@ville.test", role: "VIEWER", departmentIds: [] });
    await createInvitation(otherAdmin.user.id, other.org.id, { email: "secret@other.test", role: "VIEWER", departmentIds: [] });

    const ok = await call(outbox.loader, request(`/o/${org.slug}/outbox`, { cookie: admin.cookie }), { org: org.slug });
    expect(ok.status).toBe(200);
    const d = ok.data as Awaited<ReturnType<typeof outbox.loader>>;
    expect(d.smtpHost).toBeNull();
    expect(d.mails.map((m) => m.to)).toEqual(["new@ville.test"]);
    expect(d.mails[0]!.status).toBe("OUTBOX");
    expect(d.mails[0]!.text).toContain(`/invitation/${inv.token}`);

    expect((await call(outbox.loader, request(`/o/${org.slug}/outbox`, { cookie: dpo.cookie }), { org: org.slug })).status).toBe(403);
    expect((await call(outbox.loader, request(`/o/${org.slug}/outbox`), { org: org.slug })).status).toBe(302);
    expect((await call(outbox.loader, request(`/o/${org.slug}/outbox`, { cookie: otherAdmin.cookie }), { org: org.slug })).status).toBe(404);
  });
});

describe("mail preferences and unsubscribe", () => {
  it("saves preferences from the account page and refuses bad values with a 400", async () => {
    const { org } = await createOrg();
    const me = await signedInMember(org.id, "EDITOR");
    const res = await call(
      account.action,
      request("/account", {
        method: "POST",
        cookie: me.cookie,
        body: form({ intent: "mailPrefs", workflow: "DIGEST", mentions: "IMMEDIATE", reminders: "OFF" }),
      }),
    );
    expect(res.status).toBe(302);
    expect(await getMailPreferences(me.user.id)).toEqual({ workflow: "DIGEST", mentions: "IMMEDIATE", reminders: "OFF" });
    const bad = await call(
      account.action,
      request("/account", {
        method: "POST",
        cookie: me.cookie,
        body: form({ intent: "mailPrefs", workflow: "SOMETIMES", mentions: "IMMEDIATE", reminders: "OFF" }),
      }),
    );
    expect(bad.status).toBe(400);
    expect(await getMailPreferences(me.user.id)).toEqual({ workflow: "DIGEST", mentions: "IMMEDIATE", reminders: "OFF" });
  });

  it("unsubscribes with the link from a mail, after a confirmation, and rejects unknown tokens", async () => {
    const { org } = await createOrg();
    const me = await signedInMember(org.id, "DPO");
    const token = "t".repeat(40);
    await getDb().mailUnsubscribeToken.create({ data: { userId: me.user.id, token } });
    const page = await call(unsubscribe.loader, request(`/mail/unsubscribe/${token}?c=reminders`), { token });
    expect(page.status).toBe(200);
    expect(await getMailPreferences(me.user.id)).toMatchObject({ reminders: "IMMEDIATE" });
    const done = await call(unsubscribe.action, request(`/mail/unsubscribe/${token}?c=reminders`, { method: "POST", body: form({}) }), { token });
    expect(done.status).toBe(200);
    expect(await getMailPreferences(me.user.id)).toEqual({ workflow: "IMMEDIATE", mentions: "IMMEDIATE", reminders: "OFF" });
    expect((await call(unsubscribe.loader, request(`/mail/unsubscribe/nope?c=reminders`), { token: "nope" })).status).toBe(404);
    expect((await call(unsubscribe.loader, request(`/mail/unsubscribe/${token}?c=account`), { token })).status).toBe(404);
    expect((await call(unsubscribe.action, request(`/mail/unsubscribe/nope?c=workflow`, { method: "POST", body: form({}) }), { token: "nope" })).status).toBe(
      404,
    );
  });
});
