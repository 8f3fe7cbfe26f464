// The browser's entry to core (`@cando/core/constants`): rules and constants with no zod, so
// importing them does not pull the schemas into the UI bundle. Types come from `@cando/core`
// with `import type`, which the bundler erases.
export * from "./accounts/rules";
export * from "./attempts/rules";
export * from "./audits/due";
export * from "./audits/scale";
export * from "./coach/rules";
export * from "./corrections/rules";
export * from "./engine/calibration-rules";
export { addDays, dayNumber } from "./engine/days";
export * from "./evidence/relevance";
export * from "./feedback/rules";
export * from "./goals/coaching";
export * from "./ladders/rules";
export * from "./ladders/schedule";
export * from "./practice/rules";
export * from "./prepare/rules";
export * from "./prepare/schedule";
export * from "./reflections/rules";
export * from "./report/sections";
export * from "./role-models/rules";
export * from "./sharing/rules";
export * from "./time";
