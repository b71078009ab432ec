/**
 * The one ending of the commands of app/cli (ADR 017). `runCli(main)` runs `main`, prints what it
 * throws as a single `error: …` line (a DomainError in English from its message key, never a stack
 * trace for a user's mistake), disconnects Prisma and exits with main's code: its return value, else
 * `process.exitCode`, else 0; after an error, `errorCode` (1 by default). Exiting explicitly means a
 * mail transport or a timer left open cannot keep a finished command alive.
 *
 * A server command passes `{ serving: true }`: once `main` resolves (listening), the process stays up
 * and the server's own shutdown disconnects and exits; only a failure to start ends here.
 */
import { DomainError } from "../utils/domain-error.ts";

export type CliOptions = { errorCode?: number; serving?: boolean };

/** The text printed after `error: ` for what a command threw. */
export async function cliErrorMessage(err: unknown): Promise<string> {
  if (err instanceof DomainError) {
    const { translate } = await import("../utils/messages.server.ts");
    return translate("en", err.key, err.params);
  }
  return err instanceof Error ? err.message : String(err);
}

async function disconnect() {
  try {
    // Imported here: a command that never opened the database does not load its module.
    const { disconnectDb } = await import("../utils/db.server.ts");
    await disconnectDb();
  } catch (err) {
    console.error(`error: could not close the database: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function runCli(main: () => Promise<number | void>, options: CliOptions = {}): Promise<void> {
  let code: number;
  try {
    const result = await main();
    if (options.serving) return;
    code = typeof result === "number" ? result : typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    console.error(`error: ${await cliErrorMessage(err)}`);
    code = options.errorCode ?? 1;
  }
  await disconnect();
  process.exit(code);
}
