/**
 * The smallest schemas of the consultation document, shared by its parts. Kept apart from schema.ts so that the
 * registration record (core/registration/record.ts), which schema.ts includes, can use them without a cycle.
 * The schemas use zod/mini (the functional API of zod 4): the Outlook pane loads only the checks it uses.
 */
import * as z from 'zod/mini';
import { ID_PATTERN, ID_RULE } from './messages';

/**
 * A described copy of a schema (zod's `.describe`, which zod/mini does not have): the description goes into the
 * JSON Schema. A copy, so that a shared schema (`text`, `idSchema`) is not described everywhere it is used.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}

/** Stable identifiers used for cross-references inside the document (items ↔ questions). */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(ID_PATTERN, ID_RULE.en)); // messages.ts gives the rule in both languages by its pattern

/** ISO 8601 with an explicit offset, e.g. 2023-12-12T13:00:00+01:00. A local time without offset is ambiguous. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
