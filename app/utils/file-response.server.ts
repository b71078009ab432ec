/** Downloads: one place for Content-Type, Content-Disposition (RFC 6266, via `content-disposition`) and caching. */
import { create as contentDisposition } from "content-disposition";

export const EXPORT_CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  "activity-pdf": "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
  "dpia-pdf": "application/pdf",
  "pia-json": "application/json; charset=utf-8",
};

/** An ASCII name for old clients: accents dropped, anything unusual replaced by "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._()-]/g, "_");
}

export function attachment(fileName: string): string {
  return contentDisposition(fileName, { fallback: asciiFileName(fileName) });
}

type FileOptions = {
  fileName: string;
  contentType: string;
  /** "private" (the default) for an organization's files, "public" for the open-data register. */
  cache?: "private" | "public" | "none";
  headers?: Record<string, string>;
};

const CACHE = { private: "private, no-store", none: "no-store", public: "public, max-age=300" } as const;

/** A file to download, never rendered inline, with its length when the body is bytes. */
export function fileResponse(body: Uint8Array | string, o: FileOptions): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  return new Response(bytes, {
    headers: {
      "Content-Type": o.contentType,
      "Content-Disposition": attachment(o.fileName),
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": CACHE[o.cache ?? "private"],
      ...o.headers,
    },
  });
}
