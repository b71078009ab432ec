/**
 * A register's activities as a file of JSON lines, for the PDF child process (ADR 024): the server
 * writes one `JSON.stringify(activity)` per line and sends the child the file and each line's byte
 * offset; the child parses an activity when the renderer asks for it. Received as objects, 5,000
 * activities took the child ~60 MB of heap for the whole rendering, and the V8 heap grows with it.
 */
import fs from "node:fs";
import type { ExportActivity } from "~/schemas/register-export.ts";
import type { ActivityList } from "./register-pdf.ts";

/** `offsets[i]` is where line `i` starts; `offsets[length]` is the end of the file. */
export type ActivityFile = { file: string; offsets: number[] };

const BATCH = 1 << 20;

/** Writes the activities one per line, in batches of about 1 MB (the server's event loop keeps running). */
export async function writeActivityFile(file: string, activities: ExportActivity[]): Promise<ActivityFile> {
  const handle = await fs.promises.open(file, "w");
  const offsets: number[] = [0];
  try {
    let batch: string[] = [];
    let size = 0;
    let written = 0;
    const flush = async () => {
      const bytes = Buffer.from(batch.join(""), "utf8");
      for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done, bytes.length - done, written + done)).bytesWritten;
      written += bytes.length;
      batch = [];
      size = 0;
    };
    for (const a of activities) {
      const line = `${JSON.stringify(a)}\n`;
      const bytes = Buffer.byteLength(line);
      offsets.push(offsets[offsets.length - 1]! + bytes);
      batch.push(line);
      size += bytes;
      if (size >= BATCH) await flush();
    }
    if (size > 0) await flush();
  } finally {
    await handle.close();
  }
  return { file, offsets };
}

/**
 * The activities of an ActivityFile, read and parsed one at a time. The last one read is kept: the
 * renderer asks for the same activity several times in a row (each transfer of the annex).
 */
export function readActivityFile({ file, offsets }: ActivityFile): ActivityList & { close(): void } {
  const fd = fs.openSync(file, "r");
  let buffer = Buffer.alloc(64 * 1024);
  let lastIndex = -1;
  let last: ExportActivity | null = null;
  const json = (i: number): string => {
    if (!Number.isInteger(i) || i < 0 || i >= offsets.length - 1) throw new RangeError(`No activity ${i}`);
    const start = offsets[i]!;
    const length = offsets[i + 1]! - start - 1; // without the line's "\n"
    if (length > buffer.length) buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = fs.readSync(fd, buffer, read, length - read, start + read);
      if (n === 0) throw new Error("Activity file ended early");
      read += n;
    }
    return buffer.toString("utf8", 0, length);
  };
  return {
    length: offsets.length - 1,
    json,
    at(i) {
      if (i !== lastIndex) {
        last = JSON.parse(json(i)) as ExportActivity;
        lastIndex = i;
      }
      return last!;
    },
    close: () => fs.closeSync(fd),
  };
}
