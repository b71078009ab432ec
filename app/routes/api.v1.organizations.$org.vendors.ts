import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listVendors } from "~/models/vendor.server.ts";
import type { VendorListSchema } from "~/schemas/api.ts";
import { apiJson, apiRequest, methodNotAllowed } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

/** The vendor catalogue and services: every member reads it (as the vendors page). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    const vendors = await listVendors(ctx.org.id);
    const body: z.output<typeof VendorListSchema> = {
      items: vendors.map((v) => ({
        id: v.id,
        name: v.name,
        legalName: v.legalName,
        country: v.country,
        parentName: v.parentName,
        parentCountry: v.parentCountry,
        dpfCertified: v.dpfCertified,
        dpaStatus: v.dpaStatus,
        dpaNextReview: v.dpaNextReview ? v.dpaNextReview.toISOString().slice(0, 10) : null,
        services: v.services.map((s) => ({ id: s.id, name: s.name, secNumCloudQualified: s.secNumCloudQualified, linkedActivities: s._count.links })),
      })),
    };
    return apiJson(body);
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
