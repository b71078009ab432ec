/**
 * The OpenAPI 3.1 document, generated from the Zod schemas of schemas/api.ts with Zod's own
 * z.toJSONSchema (draft 2020-12, which OpenAPI 3.1 uses). Schemas registered in `apiRegistry`
 * become shared components. `npm run openapi` writes docs/api/openapi.json; a test checks it is current.
 */
import { API_OPERATIONS, apiRegistry, type ApiOperation } from "~/schemas/api.ts";
import { z } from "~/utils/validation.ts";

export const API_VERSION = "1.0.0";
export const API_BASE = "/api/v1";

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid query or parameter.",
  401: "Missing, unknown, expired or revoked token.",
  403: "The token's scope or its owner's role does not allow this.",
  404: "Not found, or not in the token's organization.",
  409: "The workflow does not allow this in the activity's current state.",
  412: "If-Match does not match the activity's current revision.",
  413: "The body is larger than the limit.",
  415: "The body is not application/json.",
  422: "The body does not match the schema.",
  428: "If-Match is required.",
  429: "Too many requests for this token: wait Retry-After seconds.",
};

/** Every schema with an id, as components; references point at #/components/schemas/<id>. */
function components(): Record<string, JsonSchema> {
  const all = z.toJSONSchema(apiRegistry, { target: "draft-2020-12", io: "output", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(all.schemas as Record<string, JsonSchema>)) {
    const { $schema: _drop, $id: _id, ...rest } = schema;
    void _drop;
    void _id;
    out[id] = rest;
  }
  return out;
}

function ref(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = apiRegistry.get(schema)?.id;
  if (id && io === "output") return { $ref: `#/components/schemas/${id}` };
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    reused: "inline",
    cycles: "ref",
  }) as JsonSchema;
  void _drop;
  return rest;
}

function queryParameters(op: ApiOperation): JsonSchema[] {
  if (!op.query) return [];
  const shape = op.query.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, s]) => ({ name, in: "query", required: false, schema: ref(s, "input") }));
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
}

function operation(op: ApiOperation): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    [String(op.success.status)]: {
      description: op.success.description,
      content: {
        [op.success.contentType ?? "application/json"]: { schema: op.success.schema ? ref(op.success.schema, "output") : { type: "string", format: "binary" } },
      },
    },
  };
  for (const status of [...new Set(op.errors)].sort()) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? "Error.",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      ...(status === 429 ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } } : {}),
    };
  }
  const parameters = [...pathParameters(op.path), ...queryParameters(op)];
  if (op.ifMatch) parameters.push({ name: "If-Match", in: "header", required: true, schema: { type: "string" }, description: 'The revision, e.g. "3".' });
  return {
    operationId: op.operationId,
    summary: op.summary,
    "x-registre-scope": op.scope,
    security: [{ bearer: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body, "input") } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Registre API",
      version: API_VERSION,
      description:
        "Read the GDPR Art. 30 register and write activities with a personal access token (Authorization: Bearer rgt_…). " +
        "Errors are application/problem+json with a stable `code`.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: API_BASE }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal access token created on the organization's API tokens page." } },
      schemas: components(),
    },
    paths,
  };
}
