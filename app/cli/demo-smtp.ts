/**
 * The demo's local SMTP catcher (smtp-server, a dev dependency): mails are really sent over SMTP, then
 * printed and saved as .eml files instead of being delivered. Without the package, the outbox is used.
 */
import fs from "node:fs";
import type net from "node:net";
import path from "node:path";
import type { SMTPServer as SMTPServerClass } from "smtp-server";

/** Where `npm run demo` saves the mails it catches, relative to the project root (the README says so). */
export const DEMO_MAIL_DIR = "data/demo-mails";

export type DemoSmtp = { port: number; dir: string; close(): Promise<void> };

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), so the console shows subjects with their accents. */
export function decodeMimeWords(s: string): string {
  return s.replace(/=\?utf-8\?([QB])\?(.*?)\?=\s*/gi, (_, enc: string, data: string) => {
    if (enc.toUpperCase() === "B") return Buffer.from(data, "base64").toString("utf8");
    const bytes = data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  });
}

export async function startDemoSmtp(dir: string = DEMO_MAIL_DIR): Promise<DemoSmtp | null> {
  let SMTPServer: typeof SMTPServerClass;
  try {
    ({ SMTPServer } = await import("smtp-server"));
  } catch {
    return null;
  }
  fs.mkdirSync(dir, { recursive: true });
  // Mails queued together arrive within the same millisecond: a counter keeps their files apart and in order.
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const n = String(++received).padStart(4, "0");
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${n}.eml`);
        fs.writeFileSync(file, raw);
        const subject = decodeMimeWords((/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "").replace(/\r?\n[ \t]/g, " ")).trim();
        console.log(`[demo mail] to ${session.envelope.rcptTo.map((r) => r.address).join(", ")}: ${subject} → ${file}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.server.address() as net.AddressInfo).port,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
