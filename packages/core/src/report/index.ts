export * from "./render";
export * from "./schema";
