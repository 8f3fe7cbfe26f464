export * from "./accounts/schema";
export * from "./audits/due";
export * from "./audits/schema";
export * from "./errors";
export * from "./time";
