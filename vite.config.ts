import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  build: { target: "es2022" },
  ssr: { external: ["pdfkit", "@prisma/adapter-better-sqlite3", "better-sqlite3", "@node-rs/argon2", "pino"] },
  plugins: [remix(remixConfig)],
});
