export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportFile,
  parseExportFile,
} from "./commands/export-format";
export { type CliContext, runCli } from "./program";
