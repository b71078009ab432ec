/** runCli, the one ending of the commands of app/cli (ADR 017): message, exit code, database closed. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliErrorMessage } from "~/cli/run.ts";
import { DuplicateNameError } from "~/models/department.server.ts";
import { ImportFileError } from "~/import/limits.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const run = (which: string) =>
  spawnSync(tsx, [path.join(root, "tests/fixtures/cli/run-cli-fixture.ts"), which], { cwd: root, encoding: "utf8", timeout: 60_000 });

describe("cliErrorMessage", () => {
  it("says a domain refusal in English from its message key, anything else by its message", async () => {
    expect(await cliErrorMessage(new DuplicateNameError())).toBe("A department with this name already exists.");
    expect(await cliErrorMessage(new ImportFileError("errors.import.tooLarge", { max: 5 }))).toContain("5");
    expect(await cliErrorMessage(new Error("disk full"))).toBe("disk full");
    expect(await cliErrorMessage("plain")).toBe("plain");
  });
});

describe("runCli", () => {
  it("exits 0 after a command that succeeds, with nothing on stderr", () => {
    const r = run("ok");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("done\n");
    expect(r.status).toBe(0);
  });

  it("exits with the code main returns, or the process.exitCode it set", () => {
    expect(run("code").status).toBe(3);
    expect(run("exitCode").status).toBe(4);
  });

  it("prints one error line (no stack trace) and exits 1 when main throws", () => {
    const bug = run("bug");
    expect(bug.status).toBe(1);
    expect(bug.stderr).toBe("error: something broke\n");
    const domain = run("domain");
    expect(domain.status).toBe(1);
    expect(domain.stderr).toBe("error: A department with this name already exists.\n");
  });

  it("closes the database and ends even when a timer is still pending", () => {
    const r = run("db");
    expect(r.error).toBeUndefined(); // not killed by the timeout
    expect(r.stdout).toMatch(/^organizations: \d+\n$/);
    expect(r.status).toBe(0);
  });
});
