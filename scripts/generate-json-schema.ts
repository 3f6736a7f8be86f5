/** Writes docs/schema/consultation.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consultationJsonSchema } from '../src/core/consultation/jsonSchema';

const target = fileURLToPath(new URL('../docs/schema/consultation.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(consultationJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
