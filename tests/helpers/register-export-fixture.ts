/** The demo register (vendors with support and hosting outside the EU, so computed transfers) as export data; built once per test file. */
import { seedDemo } from "~/models/demo-seed.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { RegisterExportSchema, type RegisterExport } from "~/schemas/register-export.ts";

let cached: Promise<{ orgId: string; data: RegisterExport }> | undefined;

export function demoExport(): Promise<{ orgId: string; data: RegisterExport }> {
  cached ??= (async () => {
    const { org } = await seedDemo("demo-password-123");
    const built = await buildRegisterExport(org.id, { generatedAt: new Date("2026-06-01T08:00:00Z") });
    return { orgId: org.id, data: RegisterExportSchema.parse(built) };
  })();
  return cached;
}

export async function buildFixtureExport(): Promise<RegisterExport> {
  return (await demoExport()).data;
}
