/**
 * What a Graph answer of the wrong shape is reported as. The shapes use zod/mini, which has no messages of its own:
 * `read` names the problem in zod's English words, with where it is, at most three problems, and the answer as
 * the error's cause.
 */
import { describe, expect, it } from 'vitest';
import { isPortError, type PortError } from '../../src/core/ports/errors';
import { driveItemShape, eventShape, read } from '../../src/graph/mappers/shapes';

function failure(run: () => unknown): PortError {
  try {
    run();
  } catch (error) {
    if (isPortError(error)) return error;
    throw error;
  }
  throw new Error('expected a PortError');
}

const EVENT = {
  id: 'AAMk=',
  iCalUId: '040000008200E0',
  start: { dateTime: '2023-12-12T12:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2023-12-12T13:30:00.0000000', timeZone: 'UTC' },
};

describe('read', () => {
  it('gives the answer back when it has the shape, with the fields Samråd does not read kept', () => {
    const item = { id: 'F1', eTag: '"1"', size: 42 };
    expect(read(driveItemShape, item, 'a file (driveItem)')).toEqual(item);
  });

  it.each<[string, unknown, string]>([
    ['a number for text', 42, 'id: Invalid input: expected string, received number'],
    ['a missing field', undefined, 'id: Invalid input: expected string, received undefined'],
    ['null for text', null, 'id: Invalid input: expected string, received null'],
    ['an object for text', { value: 'x' }, 'id: Invalid input: expected string, received object'],
    ['a list for text', ['x'], 'id: Invalid input: expected string, received array'],
    ['not a number for text', Number.NaN, 'id: Invalid input: expected string, received NaN'],
  ])('names %s as zod’s English messages do, with its path', (_name, id, detail) => {
    const error = failure(() => read(driveItemShape, { id }, 'a file (driveItem)'));
    expect(error.code).toBe('invalid-response');
    expect(error.what.en).toBe(`Microsoft Graph answered with something unexpected: a file (driveItem) (${detail}).`);
    expect(error.what.sv).toBe(`Microsoft Graph svarade med något oväntat: a file (driveItem) (${detail}).`);
  });

  it('names a nested problem by its dotted path and a wrong root as (root)', () => {
    const nested = failure(() => read(eventShape, { ...EVENT, start: { dateTime: 12 } }, 'an event'));
    expect(nested.what.en).toContain('(start.dateTime: Invalid input: expected string, received number)');
    const root = failure(() => read(eventShape, 'event', 'an event'));
    expect(root.what.en).toContain('((root): Invalid input: expected object, received string)');
  });

  it('names at most three problems and keeps zod’s error as the cause', () => {
    const error = failure(() => read(eventShape, { subject: 7 }, 'an event'));
    expect(error.what.en).toBe(
      'Microsoft Graph answered with something unexpected: an event (id: Invalid input: expected string, received undefined; ' +
        'iCalUId: Invalid input: expected string, received undefined; subject: Invalid input: expected string, received number).',
    );
    expect((error.cause as { issues: unknown[] }).issues.length).toBeGreaterThan(3);
  });
});
