// Writes docs/export.schema.json, the published JSON Schema of `cando export` files, from the
// zod schema in @cando/core (a server test fails when the two differ).
import { writeFileSync } from "node:fs";
import { exportJsonSchema } from "@cando/core";

writeFileSync("docs/export.schema.json", `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
