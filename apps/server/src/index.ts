export { BODY_LIMIT_BYTES, createApp } from "./app";
export type { App, AppDeps } from "./context";
