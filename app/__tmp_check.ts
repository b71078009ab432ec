import type { ActivityContentInput } from "~/schemas/activity.ts";
type N = ActivityContentInput["name"];
type R = ActivityContentInput["recipients"];
type P = ActivityContentInput["purposes"];
const n: N = 5; const r: R = 7; const p: P = 3;
export { n, r, p };
