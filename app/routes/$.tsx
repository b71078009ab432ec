import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/http/auth.server.ts";
import { getSession } from "~/http/session.server.ts";

/** Unknown pages: visitors go to login (nothing is disclosed), members get a 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSession(request))) throw redirect("/login");
  throw notFound();
}

export async function action() {
  throw notFound();
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "errors.notFoundTitle");

export default function NotFound() {
  return null;
}
