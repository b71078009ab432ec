import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { openShareLink, type ShareOpenResult } from "~/models/export-log.server.ts";
import { EXPORT_CONTENT_TYPES, fileResponse } from "~/utils/file-response.server.ts";
import { z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const FormSchema = z.object({ passphrase: z.string().max(200).optional() });

async function open(token: string, passphrase: string | null, request: Request, clientIp: string | null) {
  const r: ShareOpenResult = await openShareLink(token, passphrase, { ipAddress: clientIp, userAgent: request.headers.get("user-agent") });
  if (r.status === "ok") {
    return fileResponse(r.bytes, { fileName: r.fileName, contentType: EXPORT_CONTENT_TYPES[r.format] ?? "application/octet-stream" });
  }
  const error = r.status === "wrong_passphrase" || r.status === "throttled" ? `?error=${r.status}` : "";
  return redirect(`/s/${token}${error}`);
}

/** The download behind a share link: logged, throttled, refused once expired or revoked. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  return open(params.token ?? "", null, request, context?.clientIp ?? null);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const parsed = FormSchema.safeParse(Object.fromEntries(await readForm(request)));
  return open(params.token ?? "", parsed.success ? (parsed.data.passphrase ?? "") : "", request, context?.clientIp ?? null);
}
