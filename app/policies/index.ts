/** Every policy, for tests and for code that needs several resources at once. */
export * from "./roles.ts";
export * from "./organization.ts";
export * from "./department.ts";
export * from "./activity.ts";
export * from "./dpia.ts";
export * from "./vendor.ts";
export * from "./export.ts";
export * from "./breach.ts";
export * from "./request.ts";
export * from "./portfolio.ts";
export * from "./api-token.ts";
export * from "./platform.ts";
