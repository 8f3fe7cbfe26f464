export * from "./csv";
export * from "./parse";
export * from "./schema";
