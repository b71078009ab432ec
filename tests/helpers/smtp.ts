/** A real SMTP server (the smtp-server package) capturing mail, for tests and the demo. */
import net from "node:net";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { from: string; to: string[]; raw: string; subject: string; text: string };

/** Undoes quoted-printable and RFC 2047 subjects well enough to assert on content. */
export function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "=" && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeSubject(raw: string): string {
  const m = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m);
  if (!m) return "";
  return m[1]!
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/=\?utf-8\?([QB])\?(.*?)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    )
    .trim();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type SmtpCatcher = { port: number; mails: CapturedMail[]; close(): Promise<void>; rejectNext: number };

export async function startSmtpCatcher(port = 0): Promise<SmtpCatcher> {
  const catcher: SmtpCatcher = { port, mails: [], rejectNext: 0, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (catcher.rejectNext > 0) {
        catcher.rejectNext--;
        const err = Object.assign(new Error("Try again later"), { responseCode: 451 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        catcher.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeSubject(raw),
          text: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const addr = server.server.address() as net.AddressInfo;
  catcher.port = addr.port;
  catcher.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return catcher;
}
