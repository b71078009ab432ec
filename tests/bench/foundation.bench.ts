/**
 * npm run bench — the foundation's hot paths: session validation, membership lookup, a whole
 * organization page loader, password hashing and the demo seed's duration. Prints one JSON line last.
 */
import { timeMany, rssMb, useTemporaryDatabase } from "./bench-utils.ts";

useTemporaryDatabase("foundation");
const { seedDemo } = await import("../../app/models/demo-seed.server.ts");
const { createSession, validateSessionToken } = await import("../../app/models/session.server.ts");
const { getMembershipBySlug } = await import("../../app/models/membership.server.ts");
const { hashPassword } = await import("../../app/utils/password.server.ts");
const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const home = await import("../../app/routes/o.$org._index.tsx");

await dbReady();
const seedStart = performance.now();
await seedDemo("bench-password-123");
const demoSeedMs = Math.round(performance.now() - seedStart);
const dpo = await getDb().user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } });
const { token } = await createSession(dpo.id);

const session = await timeMany(2000, () => validateSessionToken(token));
const membership = await timeMany(2000, () => getMembershipBySlug(dpo.id, "ville-demo"));
const page = await timeMany(500, () =>
  home.loader({
    request: new Request("http://localhost/o/ville-demo", { headers: { Cookie: `registre_session=${token}` } }),
    params: { org: "ville-demo" },
    context: { cspNonce: "", clientIp: null },
  }),
);
const argon = await timeMany(10, () => hashPassword("a long enough passphrase"));
await disconnectDb();

console.log(`session validation  p50 ${session.p50} ms  p95 ${session.p95} ms`);
console.log(`membership lookup   p50 ${membership.p50} ms  p95 ${membership.p95} ms`);
console.log(`dashboard loader    p50 ${page.p50} ms  p95 ${page.p95} ms`);
console.log(`argon2id hash       p50 ${argon.p50} ms`);
console.log(
  JSON.stringify({
    demo_seed_ms: demoSeedMs,
    session_validate_p95_ms: session.p95,
    membership_p95_ms: membership.p95,
    dashboard_loader_p95_ms: page.p95,
    argon2_hash_ms: argon.p50,
    rss_mb: rssMb(),
  }),
);
