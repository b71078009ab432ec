/**
 * Small helpers shared by the unit tests that call route loaders and actions directly.
 * (Not a test file: vitest only collects *.test.ts.)
 */
type Args = { request: Request; params: Record<string, string>; context: { cspNonce: string; clientIp: string | null } };
// Route modules type their args with Remix's own types; accepting any function keeps these helpers usable with all of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (args: any) => Promise<unknown>;

export type Outcome = {
  status: number;
  /** The loader/action data, when there is some (plain object or data() payload). */
  data: unknown;
  headers: Headers;
  location: string | null;
  thrown: boolean;
  /** Text body of a Response, when the handler returned or threw one. */
  text: string | null;
  /** The Response itself (an unread clone), for binary bodies. */
  raw: Response | null;
};

export function context(clientIp: string | null = "127.0.0.1") {
  return { cspNonce: "", clientIp };
}

/** Calls a loader or action and normalises whatever it returns or throws. */
export async function call(
  handler: AnyHandler,
  request: Request,
  params: Record<string, string> = {},
  clientIp: string | null = "127.0.0.1",
): Promise<Outcome> {
  const args: Args = { request, params, context: context(clientIp) };
  let res: unknown;
  let thrown = false;
  try {
    res = await handler(args);
  } catch (err) {
    if (!(err instanceof Response)) throw err;
    res = err;
    thrown = true;
  }
  if (res instanceof Response) {
    const text = res.body ? await res.clone().text() : null;
    let data: unknown = null;
    if (res.headers.get("Content-Type")?.includes("json") && text) data = JSON.parse(text);
    return { status: res.status, data, headers: res.headers, location: res.headers.get("Location"), thrown, text, raw: res.clone() };
  }
  if (res && typeof res === "object" && "init" in res && "data" in res) {
    const r = res as { data: unknown; init: { status?: number; headers?: HeadersInit } | null };
    return { status: r.init?.status ?? 200, data: r.data, headers: new Headers(r.init?.headers), location: null, thrown, text: null, raw: null };
  }
  return { status: 200, data: res, headers: new Headers(), location: null, thrown, text: null, raw: null };
}

/** The form-level errors of a conform reply ({ result: { error: { "": [...] } } }). */
export function formErrors(data: unknown): string[] {
  const result = (data as { result?: { error?: Record<string, string[] | null> } } | null)?.result;
  return result?.error?.[""] ?? [];
}

/** The errors of one field of a conform reply. */
export function fieldErrors(data: unknown, field: string): string[] {
  const result = (data as { result?: { error?: Record<string, string[] | null> } } | null)?.result;
  return result?.error?.[field] ?? [];
}
