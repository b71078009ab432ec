/**
 * The demo's local SMTP catcher (smtp-server, a dev dependency): mails are really sent over SMTP, then
 * printed and saved as .eml files instead of being delivered. Without the package, the outbox is used.
 */
import fs from "node:fs";
import type net from "node:net";
import path from "node:path";
import type { SMTPServer as SMTPServerClass } from "smtp-server";

export async function startDemoSmtp(dir: string): Promise<number | null> {
  let SMTPServer: typeof SMTPServerClass;
  try {
    ({ SMTPServer } = await import("smtp-server"));
  } catch {
    return null;
  }
  fs.mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.eml`);
        fs.writeFileSync(file, raw);
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
        console.log(`[demo mail] to ${session.envelope.rcptTo.map((r) => r.address).join(", ")}: ${subject} → ${file}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return (server.server.address() as net.AddressInfo).port;
}
