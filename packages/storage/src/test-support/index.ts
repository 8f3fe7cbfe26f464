export * from "./builders";
export * from "./databases";
