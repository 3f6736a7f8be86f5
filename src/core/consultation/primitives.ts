/**
 * The smallest schemas of the consultation document, shared by its parts. Kept apart from schema.ts so that the
 * registration record (core/registration/record.ts), which schema.ts includes, can use them without a cycle.
 */
import * as z from 'zod';
import { ID_PATTERN, ID_RULE } from './messages';

/** Stable identifiers used for cross-references inside the document (items ↔ questions). */
export const idSchema = z.string().min(1).max(64).regex(ID_PATTERN, ID_RULE.en); // messages.ts gives the rule in both languages by its pattern

/** ISO 8601 with an explicit offset, e.g. 2023-12-12T13:00:00+01:00. A local time without offset is ambiguous. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
