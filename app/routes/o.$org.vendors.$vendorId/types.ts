/** The vendor page's loader data, as its sections read it. */
import { type useLoaderData } from "@remix-run/react";
import type { loader } from "./vendor.server.ts";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type Service = LoaderData["services"][number];
