/**
 * `npm run data:schema`: writes docs/import-format.schema.json, the JSON Schema of the import format, made
 * from its zod shapes (app/data/format.ts). A test (app/data/format.test.ts) fails when the file is stale.
 */
import { writeFile } from 'node:fs/promises'
import { importSchemaPath, importSchemaText } from '~/data/format'

await writeFile(importSchemaPath, importSchemaText())
console.log(`Wrote ${importSchemaPath}`)
