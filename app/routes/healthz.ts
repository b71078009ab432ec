import { pingDatabase } from "~/models/health.server.ts";

export async function loader() {
  const started = performance.now();
  try {
    await pingDatabase();
    return Response.json(
      { status: "ok", database: "ok", ms: Math.round((performance.now() - started) * 10) / 10 },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
