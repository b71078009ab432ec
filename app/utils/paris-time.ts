/**
 * `<input type="datetime-local">` sends a wall-clock time without zone; Registre's users are French
 * communes, so it is read as Europe/Paris time (DST included) and stored in UTC.
 */
const fmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function parts(d: Date) {
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

function offsetMs(d: Date): number {
  const p = parts(d);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(d.getTime() / 1000) * 1000;
}

export const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** "2026-03-29T10:30" in Paris → the UTC instant, or null when the text is not such a time. */
export function parisLocalToUtc(local: string): Date | null {
  const m = LOCAL_DATETIME.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return null;
  let t = asUtc - offsetMs(new Date(asUtc));
  t = asUtc - offsetMs(new Date(t));
  return new Date(t);
}

/** The UTC instant as a Paris wall-clock value for a datetime-local input. */
export function utcToParisLocal(d: Date): string {
  const p = parts(d);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.y}-${two(p.m)}-${two(p.d)}T${two(p.h)}:${two(p.min)}`;
}
