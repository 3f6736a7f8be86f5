/**
 * The consultation document as JSON Schema (draft 2020-12): the published, open-data description of the
 * format. Generated from the zod schema so the two never disagree; the cross-reference rules (ids unique,
 * links both ways, end after start) are stated in the description because JSON Schema cannot express them.
 */
import * as z from 'zod/mini';
import { CONSULTATION_SCHEMA_VERSION, consultationShapeSchema } from './schema';

export function consultationJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(consultationShapeSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    ...generated,
    title: `Samråd consultation, schema version ${CONSULTATION_SCHEMA_VERSION}`,
    description:
      'A government consultation with civil society: when and where, registration, background, agenda (parts → items) and discussion questions. ' +
      'Beyond this schema: ids are unique across parts, items and questions; a question’s agendaItemId names an item whose questionIds lists the question, and the other way round; end is after start; the registration deadline is not after the end.',
  };
}
