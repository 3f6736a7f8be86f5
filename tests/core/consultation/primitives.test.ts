/**
 * The shared schemas and `described`, zod/mini's stand-in for `.describe`: a described copy validates exactly as
 * the schema it was made from, and its description reaches the JSON Schema without describing the shared schema
 * everywhere else it is used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { described, idSchema, isoDateTimeSchema } from '../../../src/core/consultation/primitives';

describe('described', () => {
  it('validates exactly as the schema it copies', () => {
    const copy = described(idSchema, 'An id.');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,70}$/), fc.anything()), (value) => {
        expect(copy.safeParse(value).success).toBe(idSchema.safeParse(value).success);
      }),
    );
  });

  it('describes the copy only', () => {
    const copy = described(isoDateTimeSchema, 'When.');
    expect(z.globalRegistry.get(copy)?.description).toBe('When.');
    expect(z.globalRegistry.get(isoDateTimeSchema)?.description).toBeUndefined();
  });

  it('puts the description into the JSON Schema where the copy is used, and nowhere else', () => {
    const text = z.string().check(z.minLength(1));
    const schema = z.object({ title: described(text, 'The title.'), note: text });
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(json.properties['title']).toEqual({ type: 'string', minLength: 1, description: 'The title.' });
    expect(json.properties['note']).toEqual({ type: 'string', minLength: 1 });
  });

  it('describes a copy of a copy anew, keeping the earlier copy’s description', () => {
    const first = described(idSchema, 'First.');
    const second = described(first, 'Second.');
    expect(z.globalRegistry.get(first)?.description).toBe('First.');
    expect(z.globalRegistry.get(second)?.description).toBe('Second.');
  });
});
