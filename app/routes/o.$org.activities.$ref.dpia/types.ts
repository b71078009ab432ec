/** The DPIA page's loader data, as its sections read it. */
import { type useLoaderData } from "@remix-run/react";
import type { loader } from "./dpia.server.ts";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type Dpia = NonNullable<LoaderData["dpia"]>;
