/** Data-subject requests: the forms of the request log. */
import { blank, z } from "~/utils/validation.ts";

const text = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const required = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(max));
const list = <T extends z.ZodType>(item: T, max = 200) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
const isoDate = z.preprocess(blank, z.iso.date({ error: "errors.date" }));

export const REQUEST_TYPES = ["ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "PORTABILITY", "OBJECTION", "WITHDRAW_CONSENT"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_CHANNELS = ["MAIL", "EMAIL", "FORM", "COUNTER", "PHONE", "OTHER"] as const;
export const IDENTITY_CHECKS = ["NOT_NEEDED", "REQUESTED", "DONE"] as const;
export const REQUEST_REGIMES = ["GDPR", "LED"] as const;

export const RequestFormSchema = z
  .object({
    type: z.enum(REQUEST_TYPES),
    regime: z.enum(REQUEST_REGIMES).default("GDPR"),
    receivedAt: isoDate,
    channel: z.enum(REQUEST_CHANNELS),
    // Minimum identity: a name and one way to answer.
    requesterName: required(200),
    requesterContact: text(300),
    identityCheck: z.enum(IDENTITY_CHECKS).default("NOT_NEEDED"),
    details: text(4000),
    activityIds: list(z.string().min(1).max(40), 200),
  })
  .superRefine((v, ctx) => {
    // Under the LED regime (Titre III of the Loi Informatique et Libertés) portability and objection do not exist.
    if (v.regime === "LED" && (v.type === "PORTABILITY" || v.type === "OBJECTION" || v.type === "WITHDRAW_CONSENT"))
      ctx.addIssue({ code: "custom", path: ["type"], message: "errors.requestLedType" });
  });
export type RequestForm = z.infer<typeof RequestFormSchema>;

export const RequestUpdateSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("status"),
    revision: z.coerce.number().int().min(1),
    status: z.enum(["IDENTITY_PENDING", "IN_PROGRESS", "ANSWERED", "REFUSED", "CLOSED"]),
    response: text(8000),
    identityCheck: z.enum(IDENTITY_CHECKS).optional(),
  }),
  z.object({ intent: z.literal("extend"), revision: z.coerce.number().int().min(1), extensionReason: required(2000), extensionInformedAt: isoDate }),
  z.object({ intent: z.literal("comment"), body: required(4000) }),
]);

export const RetentionFormSchema = z.object({ months: z.coerce.number({ error: "errors.number" }).int().min(1).max(120) });
