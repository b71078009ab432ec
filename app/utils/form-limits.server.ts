/**
 * Every form is read through `readForm` / `readMultipartForm` (issue 12.4–12.5, ADR 009): the field
 * names and values are checked BEFORE Conform and Zod turn them into objects, and before anything is
 * rendered. `content.purposes.sub[100000]=x` used to become a 100,001-item array, validated and
 * re-rendered whole (minutes of CPU, 2 GB): it is now a 400 in microseconds.
 * tests/unit/form-limits.test.ts checks that no route reads a form any other way.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { getEnv } from "./env.server.ts";
import type { MessageKey, Params } from "./i18n.ts";

export const FORM_LIMITS = {
  /** Fields in one form (the activity form, fully filled, has a few hundred). */
  maxFields: 2000,
  /** Highest list index: every list schema allows at most 100 items. */
  maxListIndex: 199,
  /** Path segments in one field name (content.dataCategories[3].source has 3). */
  maxDepth: 6,
  maxNameLength: 200,
  /** Characters in one text value (the longest schema field allows 20,000). */
  maxValueLength: 100_000,
  /** Parts of a multipart form (files + fields). */
  maxParts: 40,
} as const;

export type FormLimits = { [K in keyof typeof FORM_LIMITS]: number };

export type FormProblem = { status: 400 | 413; key: MessageKey; params?: Params };

const SEGMENT = /[^.[\]]+|\[(\d*)\]/g;

/** The first limit the form breaks, or null. Cost: linear in the size of the names and values. */
export function checkForm(entries: Iterable<[string, FormDataEntryValue]>, limits: FormLimits = FORM_LIMITS): FormProblem | null {
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > limits.maxFields) return { status: 413, key: "integrity.formTooLarge", params: { max: limits.maxFields } };
    const field = name.slice(0, 60);
    if (name.length > limits.maxNameLength) return { status: 400, key: "integrity.formTooDeep", params: { field } };
    let depth = 0;
    for (const m of name.matchAll(SEGMENT)) {
      if (++depth > limits.maxDepth) return { status: 400, key: "integrity.formTooDeep", params: { field } };
      const index = m[1];
      // Conform reads "a[007]" as index 7: compare the number, not the digits' count.
      if (index !== undefined && (index.length > 6 || Number(index) > limits.maxListIndex)) {
        return { status: 400, key: "integrity.formIndexOutOfRange", params: { field, max: limits.maxListIndex + 1 } };
      }
    }
    if (typeof value === "string" && value.length > limits.maxValueLength) {
      return { status: 413, key: "integrity.formValueTooLong", params: { field, max: limits.maxValueLength } };
    }
  }
  return null;
}

/** The refusal, thrown from the action: the root ErrorBoundary shows the translated message. */
export function formRefused(problem: FormProblem): Response {
  return new Response(JSON.stringify({ integrity: { key: problem.key, params: problem.params ?? {} } }), {
    status: problem.status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function refuseUnreadable(): Response {
  return formRefused({ status: 400, key: "integrity.formBadBody" });
}

/** `request.formData()`, checked. Throws a 400/413 Response when the form breaks a limit. */
export async function readForm(request: Request, limits: Partial<FormLimits> = {}): Promise<FormData> {
  let fd: FormData;
  try {
    fd = await request.formData();
  } catch {
    throw refuseUnreadable();
  }
  const problem = checkForm(fd.entries(), { ...FORM_LIMITS, ...limits });
  if (problem) throw formRefused(problem);
  return fd;
}

/** A file part of a multipart form, streamed to disk. */
export type UploadedFile = NodeOnDiskFile;

export function isUploadedFile(v: unknown): v is UploadedFile {
  return v instanceof NodeOnDiskFile || v instanceof File;
}

function uploadDir(): string {
  return path.join(path.dirname(getEnv().databaseFile), "tmp", "uploads");
}

class TooManyPartsError extends Error {}

/**
 * A multipart form: file parts are streamed to a private temporary folder (never held whole in
 * memory), each capped at `maxFileBytes`; text parts at `maxValueLength`; at most `maxParts` parts.
 * The files are deleted `UPLOAD_TTL_MS` after the request (the action reads them at once), and any
 * older leftover (a crash) at the next upload. Throws a 413/400 Response when a form limit is broken;
 * rethrows MaxPartSizeExceededError (a file over `maxFileBytes`) for the route to word.
 */
export async function readMultipartForm(request: Request, opts: { maxFileBytes: number } & Partial<FormLimits>): Promise<FormData> {
  const limits = { ...FORM_LIMITS, ...opts };
  sweepUploads();
  const directory = path.join(uploadDir(), crypto.randomBytes(12).toString("hex"));
  const cleanup = () => fs.rmSync(directory, { recursive: true, force: true });
  setTimeout(cleanup, UPLOAD_TTL_MS).unref();
  let parts = 0;
  const fileHandler = unstable_createFileUploadHandler({
    directory,
    maxPartSize: opts.maxFileBytes,
    avoidFileConflicts: true,
    // The user's file name never becomes a path: a random name on disk, the real one kept on the File.
    file: () => crypto.randomBytes(12).toString("hex"),
  });
  const fieldHandler = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxValueLength * 4 });
  const counting: UploadHandler = async (part) => {
    if (++parts > limits.maxParts) throw new TooManyPartsError();
    if (part.filename) {
      const file = (await fileHandler(part)) as unknown as NodeOnDiskFile | undefined;
      if (file) Object.defineProperty(file, "name", { value: part.filename, writable: true });
      // The handler's type says File; NodeOnDiskFile has everything the routes use (name, size, arrayBuffer, stream).
      return file as unknown as File | undefined;
    }
    return fieldHandler(part);
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(counting));
  } catch (e) {
    cleanup();
    if (e instanceof TooManyPartsError) throw formRefused({ status: 413, key: "integrity.formTooLarge", params: { max: limits.maxParts } });
    // MaxPartSizeExceededError (a file over its cap) and TypeError (not multipart) are the caller's to word.
    throw e;
  }
  const problem = checkForm(form.entries(), limits);
  if (problem) {
    cleanup();
    throw formRefused(problem);
  }
  return form;
}

export const UPLOAD_TTL_MS = 5 * 60_000;

/** Deletes upload folders older than the TTL (left by a crash or a restart). */
export function sweepUploads(now = Date.now()) {
  const dir = uploadDir();
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    try {
      if (now - fs.statSync(p).mtimeMs > UPLOAD_TTL_MS) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // Already gone.
    }
  }
}

/** Reads an uploaded file whole (the caller has capped its size). */
export async function uploadedBytes(file: UploadedFile | File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
