import pino from "pino";
import { getEnv } from "./env.server.ts";

declare global {
  var __registreLogger: pino.Logger | undefined;
}

// Passwords, tokens and personal data never reach the logs: only ids are logged.
// One logger per process, even though the server bundle and the Remix build each import this module.
export const logger = (globalThis.__registreLogger ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "registre" },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "email",
      "*.email",
      "cookie",
      "*.cookie",
      "req.headers.cookie",
      "req.headers.authorization",
      'res.headers["set-cookie"]',
    ],
    censor: "[redacted]",
  },
}));

export function configureLogger() {
  logger.level = getEnv().LOG_LEVEL;
}
