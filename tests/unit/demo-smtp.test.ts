/**
 * The demo's SMTP catcher (app/cli/demo-smtp.ts, started by `npm run demo` and the browser tests' demo
 * server): real mails sent by the app's own transport (nodemailer) end up as files where the README
 * tells a newcomer to look, with their subject, recipient and both parts readable.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MAIL_DIR, decodeMimeWords, startDemoSmtp, type DemoSmtp } from "~/cli/demo-smtp.ts";
import { renderMail } from "~/documents/mail.ts";
import { resetEnvCache } from "~/utils/env.server.ts";
import { getMailTransport, resetMailTransport } from "~/utils/mailer.server.ts";
import { decodeQuotedPrintable } from "../helpers/smtp.ts";

const VARS = ["SMTP_HOST", "SMTP_PORT", "SMTP_TLS", "SMTP_USER", "SMTP_PASSWORD", "MAIL_FROM"] as const;
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));

let tmp: string;
let catcher: DemoSmtp;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registre-demo-smtp-"));
  const started = await startDemoSmtp(path.join(tmp, DEMO_MAIL_DIR));
  expect(started).not.toBeNull();
  catcher = started!;
  // What `npm run demo` sets when it starts the catcher (app/cli/demo.ts).
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(catcher.port),
    SMTP_TLS: "none",
    MAIL_FROM: "Registre (démo) <registre@demo.invalid>",
  });
  resetEnvCache();
  resetMailTransport();
});

afterAll(async () => {
  resetMailTransport();
  await catcher.close();
  for (const k of VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Part = { type: string; body: string };

/** Reads an .eml as a newcomer's mail client would: headers, then each MIME part decoded. */
function readEml(raw: string): { headers: Map<string, string>; parts: Part[] } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head!.replace(/\r?\n[ \t]/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), decodeMimeWords(line.slice(colon + 1).trim()));
  }
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  if (!boundary) throw new Error("not a multipart mail");
  const parts = rest
    .join("\n\n")
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk): Part => {
      const [partHead, ...body] = chunk.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
      const type = /content-type:\s*([^;\r\n]+)/i.exec(partHead!)?.[1]?.trim() ?? "";
      const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(partHead!)?.[1]?.toLowerCase();
      const content = body.join("\n\n");
      const decoded =
        encoding === "base64"
          ? Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8")
          : encoding === "quoted-printable"
            ? decodeQuotedPrintable(content)
            : content;
      return { type, body: decoded.replace(/\r\n/g, "\n") };
    });
  return { headers, parts };
}

function savedMails(): string[] {
  return fs
    .readdirSync(catcher.dir)
    .filter((f) => f.endsWith(".eml"))
    .sort();
}

describe("the demo's SMTP catcher", () => {
  it("saves each mail sent by the app, readable, in the folder the README names", async () => {
    expect(catcher.dir).toBe(path.join(tmp, "data", "demo-mails"));
    const readme = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    expect(readme).toContain(`\`${DEMO_MAIL_DIR}/\``);

    const invitation = renderMail({
      locale: "fr",
      subjectKey: "mail.invitation.subject",
      bodyKey: "mail.invitation.body",
      params: { actor: "Claire Dubois", org: "Ville de Démo", role: "Responsable de service", date: "12 décembre 2026 à 09:30" },
      recipientName: null,
      orgName: "Ville de Démo",
      url: "http://localhost:3000/invitation/abc",
      unsubscribeUrl: null,
      preferencesUrl: null,
    });
    const transport = getMailTransport()!;
    expect(transport.host).toBe(`127.0.0.1:${catcher.port}`);
    await transport.send({ from: "Registre (démo) <registre@demo.invalid>", to: "nouvelle.agente@demo.example", ...invitation });

    const files = savedMails();
    expect(files).toHaveLength(1);
    const { headers, parts } = readEml(fs.readFileSync(path.join(catcher.dir, files[0]!), "utf8"));
    expect(headers.get("to")).toBe("nouvelle.agente@demo.example");
    expect(headers.get("subject")).toBe("Invitation à rejoindre Ville de Démo sur Registre");
    expect(headers.get("subject")).toBe(invitation.subject);
    expect(parts.map((p) => p.type)).toEqual(["text/plain", "text/html"]);
    expect(parts[0]!.body.trim()).toBe(invitation.text.trim());
    expect(parts[0]!.body).toContain("Claire Dubois vous invite à rejoindre le registre de Ville de Démo");
    expect(parts[1]!.body).toContain('<html lang="fr">');
    expect(parts[1]!.body).toContain("<title>Invitation à rejoindre Ville de Démo sur Registre</title>");
    expect(parts[1]!.body).toContain('href="http://localhost:3000/invitation/abc"');
  });

  it("keeps every mail of a burst, in the order received", async () => {
    const before = savedMails().length;
    const transport = getMailTransport()!;
    const mails = ["T-0001", "T-0002", "T-0003"].map((ref) =>
      renderMail({
        locale: "en",
        subjectKey: "mail.activity.submitted.subject",
        bodyKey: "mail.activity.submitted.body",
        params: { actor: "Marc Petit", ref, name: "School canteen registrations" },
        recipientName: "Dana DPO",
        orgName: "Ville de Démo",
        url: `http://localhost:3000/o/ville-demo/activities/${ref}`,
        unsubscribeUrl: "http://localhost:3000/mail/unsubscribe/tok?c=workflow",
        preferencesUrl: "http://localhost:3000/account#mail",
      }),
    );
    // Sent one after another, as the queue delivers them: none overwrites another, and the names sort by arrival.
    for (const m of mails) await transport.send({ from: "registre@demo.invalid", to: "dpo@demo.example", ...m });
    const files = savedMails().slice(before);
    expect(files).toHaveLength(3);
    const subjects = files.map((f) => readEml(fs.readFileSync(path.join(catcher.dir, f), "utf8")).headers.get("subject"));
    expect(subjects).toEqual(["Activity T-0001 submitted for approval", "Activity T-0002 submitted for approval", "Activity T-0003 submitted for approval"]);
  });
});
