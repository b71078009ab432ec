/** The vendor page's loader and its form actions (one POST per `intent`); see route.tsx. */
import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { type LinkRole, type LocationSafeguard } from "~/analysis/sovereignty.ts";
import {
  addLocation,
  createService,
  deleteService,
  deleteVendor,
  getVendor,
  InvalidDpaFileError,
  listServicesForPicker,
  MAX_DPA_BYTES,
  removeLocation,
  storeDpaFile,
  updateService,
  VendorNotFoundError,
} from "~/models/vendor.server.ts";
import type { ActivityStatus } from "~/reference/vocabularies.ts";
import { LocationFormSchema, ServiceFormSchema, toLocationInput, toServiceInput } from "~/schemas/vendor.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import { domainError, toastError } from "~/http/domain-errors.server.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { activityScope, inScope } from "~/policies/department.ts";
import { canManageVendors } from "~/policies/vendor.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { z } from "~/utils/validation.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";

const idField = z.string().min(1).max(40);
const IdSchema = z.object({ serviceId: idField.optional(), locationId: idField.optional(), confirm: z.string().max(10).optional() });

export type ActionData = {
  intent: string;
  /** The service a form belongs to, when there are several of that form on the page. */
  target: string | null;
  result?: SubmissionResult<string[]>;
  fileError?: MessageKey;
  confirm?: { activities: number };
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const v = params.vendorId ? await getVendor(ctx.org.id, params.vendorId) : null;
  if (!v) throw notFound();
  const canManage = canManageVendors(ctx.membership);
  // An EDITOR sees only their departments' activities by name; the counts stay organization-wide.
  const scope = activityScope(ctx.membership);
  const picker = canManage ? await listServicesForPicker(ctx.org.id) : [];

  const subProcessors = new Map<string, { serviceId: string; serviceName: string; vendorId: string; vendorName: string; for: string[] }>();
  const usedBy = new Map<string, { serviceId: string; serviceName: string; vendorId: string; vendorName: string; provides: string[] }>();
  const activities = new Map<string, { ref: string; name: string; status: ActivityStatus; uses: { service: string; role: LinkRole }[] }>();
  for (const s of v.services) {
    for (const l of s.locations) {
      const p = l.providerService;
      if (!p || p.vendor.id === v.id) continue;
      const e = subProcessors.get(p.id) ?? { serviceId: p.id, serviceName: p.name, vendorId: p.vendor.id, vendorName: p.vendor.name, for: [] };
      if (!e.for.includes(s.name)) e.for.push(s.name);
      subProcessors.set(p.id, e);
    }
    for (const l of s.providing) {
      if (l.service.vendor.id === v.id) continue;
      const e = usedBy.get(l.service.id) ?? {
        serviceId: l.service.id,
        serviceName: l.service.name,
        vendorId: l.service.vendor.id,
        vendorName: l.service.vendor.name,
        provides: [],
      };
      if (!e.provides.includes(s.name)) e.provides.push(s.name);
      usedBy.set(l.service.id, e);
    }
    for (const link of s.links) {
      const a = link.activity;
      if (!inScope(scope, a.departmentId)) continue;
      const e = activities.get(a.id) ?? { ref: a.ref, name: a.name, status: a.status, uses: [] };
      e.uses.push({ service: s.name, role: link.role });
      activities.set(a.id, e);
    }
  }

  return {
    org: ctx.org.slug,
    canManage,
    today: new Date().toISOString().slice(0, 10),
    maxDpaBytes: MAX_DPA_BYTES,
    vendor: {
      id: v.id,
      name: v.name,
      legalName: v.legalName,
      registrationNumber: v.registrationNumber,
      website: v.website,
      country: v.country,
      parentName: v.parentName,
      parentCountry: v.parentCountry,
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      hdsActivities: v.hdsActivities,
      hdsExpiry: iso(v.hdsExpiry),
      iso27001Expiry: iso(v.iso27001Expiry),
      dpfCertified: v.dpfCertified,
      dpfCheckedAt: iso(v.dpfCheckedAt),
      dpaStatus: v.dpaStatus,
      dpaSignedAt: iso(v.dpaSignedAt),
      dpaReference: v.dpaReference,
      dpaNextReview: iso(v.dpaNextReview),
      dpaFile: v.dpaFileHash ? { name: v.dpaFileName ?? "dpa.pdf", size: v.dpaFileSize ?? 0 } : null,
      notes: v.notes,
      version: v.version,
    },
    services: v.services.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      secNumCloudQualified: s.secNumCloudQualified,
      secNumCloudDate: iso(s.secNumCloudDate),
      secNumCloudVersion: s.secNumCloudVersion,
      secNumCloudScope: s.secNumCloudScope,
      nonEuAccess: s.nonEuAccess,
      activityCount: new Set(s.links.map((l) => l.activity.id)).size,
      locations: s.locations.map((l) => ({
        id: l.id,
        role: l.role,
        country: l.country,
        region: l.region,
        safeguard: l.safeguard as LocationSafeguard | null,
        tiaDone: l.tiaDone,
        safeguardUrl: l.safeguardUrl,
        provider: l.providerService
          ? {
              serviceId: l.providerService.id,
              serviceName: l.providerService.name,
              vendorId: l.providerService.vendor.id,
              vendorName: l.providerService.vendor.name,
            }
          : null,
      })),
    })),
    subProcessors: [...subProcessors.values()].sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.serviceName.localeCompare(b.serviceName)),
    usedBy: [...usedBy.values()].sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.serviceName.localeCompare(b.serviceName)),
    activities: [...activities.values()].sort((a, b) => a.ref.localeCompare(b.ref, undefined, { numeric: true })),
    picker: picker.map((p) => ({ id: p.id, label: `${p.vendor.name} / ${p.name}` })),
  };
}

const fileFail = (fileError: MessageKey) => data<ActionData>({ intent: "uploadDpa", target: null, fileError }, { status: 400 });

/**
 * The upload form is multipart; the others are not, but any client may send multipart, so any
 * multipart body goes through the size-limited parser. One byte over the limit is enough to know a file
 * is too large: the parser stops reading there.
 */
async function readUploadForm(request: Request): Promise<FormData | Response | ReturnType<typeof fileFail>> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readForm(request);
  try {
    return await readMultipartForm(request, { maxFileBytes: MAX_DPA_BYTES + 1 });
  } catch (err) {
    if (err instanceof MaxPartSizeExceededError) return fileFail("errors.fileTooLarge");
    if (err instanceof TypeError) return new Response("Bad Request", { status: 400 });
    throw err;
  }
}

async function uploadDpa(request: Request, formData: FormData, actorId: string, orgId: string, vendorId: string, page: string) {
  const file = formData.get("dpaFile");
  if (!isUploadedFile(file) || file.size === 0) return fileFail("errors.fileEmpty");
  try {
    await storeDpaFile(actorId, orgId, vendorId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (err) {
    // A vanished vendor is a 404 (domainError throws it); a refused file is shown on the file field.
    const e = domainError(err);
    if (e instanceof InvalidDpaFileError) return fileFail(e.key);
    throw e;
  }
  return redirectWithToast(request, `${page}#dpa-h`, { type: "success", key: "vendors.toast.dpaUploaded" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "vendors:manage");
  const v = params.vendorId ? await getVendor(ctx.org.id, params.vendorId) : null;
  if (!v) throw notFound();
  const page = `/o/${ctx.org.slug}/vendors/${v.id}`;
  const formData = await readUploadForm(request);
  if (!(formData instanceof FormData)) return formData;
  const intent = String(formData.get("intent") ?? "");
  if (intent === "uploadDpa") return uploadDpa(request, formData, ctx.user.id, ctx.org.id, v.id, page);
  const ids = IdSchema.safeParse({
    serviceId: formData.get("serviceId") ?? undefined,
    locationId: formData.get("locationId") ?? undefined,
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!ids.success) throw new Response("Bad Request", { status: 400 });
  const { serviceId, locationId, confirm } = ids.data;
  // Service and location forms only act on this vendor's own services.
  const service = serviceId ? v.services.find((s) => s.id === serviceId) : undefined;
  if (serviceId && !service) throw notFound();

  try {
    switch (intent) {
      case "createService":
      case "updateService": {
        const submission = parseWithZod(formData, { schema: ServiceFormSchema });
        if (submission.status !== "success") return data<ActionData>({ intent, target: serviceId ?? null, result: submission.reply() }, { status: 400 });
        const clash = v.services.some((s) => s.name === submission.value.name && s.id !== serviceId);
        if (clash)
          return data<ActionData>(
            { intent, target: serviceId ?? null, result: submission.reply({ fieldErrors: { name: ["errors.serviceExists"] } }) },
            { status: 400 },
          );
        if (intent === "createService") {
          const s = await createService(ctx.user.id, ctx.org.id, v.id, toServiceInput(submission.value));
          return redirectWithToast(request, `${page}#service-${s.id}`, { type: "success", key: "vendors.toast.serviceCreated", params: { name: s.name } });
        }
        if (!service) throw new Response("Bad Request", { status: 400 });
        await updateService(ctx.user.id, ctx.org.id, service.id, toServiceInput(submission.value));
        return redirectWithToast(request, `${page}#service-${service.id}`, { type: "success", key: "toast.saved" });
      }
      case "deleteService": {
        if (!service) throw new Response("Bad Request", { status: 400 });
        const dependents = new Set(service.links.map((l) => l.activity.id)).size;
        if (dependents > 0 && confirm !== "yes") return data<ActionData>({ intent, target: service.id, confirm: { activities: dependents } });
        await deleteService(ctx.user.id, ctx.org.id, service.id);
        return redirectWithToast(request, `${page}#services-h`, { type: "success", key: "vendors.toast.serviceDeleted", params: { name: service.name } });
      }
      case "addLocation": {
        if (!service) throw new Response("Bad Request", { status: 400 });
        const submission = parseWithZod(formData, { schema: LocationFormSchema });
        if (submission.status !== "success") return data<ActionData>({ intent, target: service.id, result: submission.reply() }, { status: 400 });
        if (submission.value.providerServiceId === service.id) {
          return data<ActionData>(
            { intent, target: service.id, result: submission.reply({ fieldErrors: { providerServiceId: ["errors.choice"] } }) },
            { status: 400 },
          );
        }
        try {
          await addLocation(ctx.user.id, ctx.org.id, service.id, toLocationInput(submission.value));
        } catch (err) {
          // The provider is not a service of this organization (or vanished meanwhile).
          if (err instanceof VendorNotFoundError)
            return data<ActionData>(
              { intent, target: service.id, result: submission.reply({ fieldErrors: { providerServiceId: ["errors.choice"] } }) },
              { status: 400 },
            );
          throw err;
        }
        return redirectWithToast(request, `${page}#service-${service.id}`, { type: "success", key: "vendors.toast.locationAdded" });
      }
      case "removeLocation": {
        const owner = locationId ? v.services.find((s) => s.locations.some((l) => l.id === locationId)) : undefined;
        if (!locationId || !owner) throw notFound();
        await removeLocation(ctx.user.id, ctx.org.id, locationId);
        return redirectWithToast(request, `${page}#service-${owner.id}`, { type: "success", key: "vendors.toast.locationRemoved" });
      }
      case "delete": {
        const dependents = new Set(v.services.flatMap((s) => s.links.map((l) => l.activity.id))).size;
        if (confirm !== "yes") return data<ActionData>({ intent, target: null, confirm: { activities: dependents } });
        await deleteVendor(ctx.user.id, ctx.org.id, v.id);
        return redirectWithToast(request, `/o/${ctx.org.slug}/vendors`, { type: "success", key: "vendors.toast.deleted", params: { name: v.name } });
      }
      default:
        throw new Response("Bad Request", { status: 400 });
    }
  } catch (err) {
    // A vanished record is a 404; any other refusal, e.g. a shared vendor (or service) that subscribers
    // still use (ADR 020), comes back to the page as an error toast.
    return toastError(err, request, page);
  }
}
