export * from "./csv";
export * from "./parse";
export * from "./replay";
export * from "./schema";
