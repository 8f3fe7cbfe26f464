export * from "./accounts/sessions";
export * from "./accounts/users";
export * from "./audits/audits";
export * from "./audits/domains";
export * from "./db";
export * from "./migrate";
export type { Database } from "./schema";
