/** The subset of oidc-provider used by the tests (the package ships no types and @types/oidc-provider is not installed). */
declare module "oidc-provider" {
  import type { KeyObject } from "node:crypto";
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  export type Configuration = {
    clients: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    scopes?: string[];
    pkce?: { required: () => boolean };
    features?: Record<string, { enabled: boolean; ack?: string }>;
    interactions?: { url: (ctx: unknown, interaction: { uid: string }) => string };
    findAccount: (ctx: unknown, id: string) => Promise<Account | undefined>;
    cookies?: { keys: string[] };
    ttl?: { IdToken?: number };
    jwks?: unknown;
  };
  /** A signing key whose private part lives outside the provider (`features.externalSigningSupport`). */
  export class ExternalSigningKey {
    kid: string;
    alg: string;
    keyObject(): KeyObject;
    sign(data: Buffer): Promise<Buffer>;
  }
  class Grant {
    constructor(opts: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; params: Record<string, unknown>; prompt: { name: string } }>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      opts?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    Grant: typeof Grant;
  }
}
