import pino from "pino";
import { getEnv } from "./env.server.ts";

// Passwords, tokens and personal data never reach the logs: only ids are logged.
export const logger = pino({
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
});

export function configureLogger() {
  logger.level = getEnv().LOG_LEVEL;
}
