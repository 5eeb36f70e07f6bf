import { writeFileSync } from "node:fs";
import { publicJsonSchemas } from "../src/index.ts";

const dir = new URL("../schema/", import.meta.url);
for (const [file, schema] of Object.entries(publicJsonSchemas())) {
  writeFileSync(new URL(file, dir), JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote schema/${file}`);
}
