// TEMPORARY (verification only, to be deleted): same as playwright.config.ts but the demo server is started without app/cli/demo.ts's bug.
import base from "../../playwright.config.ts";
const webServer = (base.webServer as any[]).map((w) => (w.command === "tsx app/cli/demo.ts" ? { ...w, command: "tsx /tmp/e2e-exp/serve-demo.mts", env: { ...w.env, DATABASE_URL: "file:/tmp/e2e-exp/db/e2e-demo.db" } } : { ...w, env: { ...w.env, DATABASE_URL: "file:/tmp/e2e-exp/db/e2e-fresh.db" } })).map((w) => ({ ...w, cwd: "/work/main" }));
export default { ...base, testDir: ".", webServer };
