/// <reference types="office-js" />
/**
 * The bridge from Office.js callbacks to promises: a success resolves with the value; a failure, a malformed
 * result and an invoker that throws all reject with a typed OutlookHostError carrying Office's code, name and
 * message; the callback itself never throws back into Office.
 */
import { describe, expect, it } from 'vitest';
import { fromCallback } from '../../../src/hosts/outlook/fromCallback';
import type { AsyncCallback } from '../../../src/hosts/outlook/officeApi';
import { OutlookHostError } from '../../../src/hosts/outlook/outlookHostError';
import { failed, ok } from './officeMock';

const WHAT = { sv: 'Outlook gav inte värdet.', en: 'Outlook did not give the value.' };

/** What office.js hands a callback, typed as @types/office-js declares it. */
const asResult = (result: unknown): Office.AsyncResult<string> => result as Office.AsyncResult<string>;

/** An invoker that hands our callback whatever Office would, and records what the callback did. */
function answering(result: unknown): { invoke: (callback: AsyncCallback<string>) => void; threw: unknown[] } {
  const threw: unknown[] = [];
  return {
    threw,
    invoke: (callback) => {
      try {
        callback(asResult(result));
      } catch (error) {
        threw.push(error);
      }
    },
  };
}

describe('fromCallback', () => {
  it('resolves with the value of a succeeded result', async () => {
    const { invoke, threw } = answering(ok('AAMk=='));
    await expect(fromCallback(invoke, WHAT)).resolves.toBe('AAMk==');
    expect(threw).toEqual([]);
  });

  it("rejects a failed result with Office's code, name and message and the caller's words", async () => {
    const { invoke, threw } = answering(failed(9041, 'NetworkError', 'The user is no longer connected to the network.'));
    const error = await fromCallback(invoke, WHAT).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutlookHostError);
    expect(error).toMatchObject({
      reason: 'callback-failed',
      what: WHAT,
      office: { code: 9041, name: 'NetworkError', message: 'The user is no longer connected to the network.' },
    });
    expect((error as OutlookHostError).hint.sv).toMatch(/Försök igen/);
    expect((error as OutlookHostError).hint.en).toMatch(/Try again/);
    expect(threw).toEqual([]);
  });

  it('uses the hint it is given', async () => {
    const hint = { sv: 'Spara själv.', en: 'Save it yourself.' };
    await expect(fromCallback(answering(failed(1, 'X')).invoke, WHAT, hint)).rejects.toMatchObject({ hint });
  });

  it.each([
    ['no result at all', undefined],
    ['null', null],
    ['a result without status', { value: 'x' }],
    ['a numeric status (not what office.js sends)', { status: 1 }],
  ])('rejects %s as a failure without throwing into Office', async (_name, result) => {
    const { invoke, threw } = answering(result);
    await expect(fromCallback(invoke, WHAT)).rejects.toMatchObject({ reason: 'callback-failed', office: null });
    expect(threw).toEqual([]);
  });

  it('rejects a result whose properties throw, without throwing into Office', async () => {
    const hostile = {
      get status(): string {
        throw new Error('getter exploded');
      },
    };
    const { invoke, threw } = answering(hostile);
    const error = await fromCallback(invoke, WHAT).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'callback-failed' });
    expect((error as Error).cause).toEqual(new Error('getter exploded'));
    expect(threw).toEqual([]);
  });

  it('rejects when the invoker throws synchronously (the API is missing or Office refuses the call)', async () => {
    const officeError = Object.assign(new Error('Invalid parameters'), { code: 5001, name: 'Internal Error' });
    const error = await fromCallback<string>(() => {
      throw officeError;
    }, WHAT).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      reason: 'callback-failed',
      office: { code: 5001, name: 'Internal Error', message: 'Invalid parameters' },
    });
    expect((error as Error).cause).toBe(officeError);
  });

  it('keeps the first answer when Office calls back twice', async () => {
    const promise = fromCallback<string>((callback) => {
      callback(asResult(ok('first')));
      callback(asResult(failed(1, 'Late')));
    }, WHAT);
    await expect(promise).resolves.toBe('first');
  });

  it('is an error a face can show in both languages', async () => {
    const error = await fromCallback(answering(failed(1, 'X')).invoke, WHAT).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'OutlookHostError', code: 'invalid-input' });
    expect((error as Error).message).toContain(WHAT.en);
  });
});
