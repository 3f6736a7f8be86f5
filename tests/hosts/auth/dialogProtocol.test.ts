/**
 * The message between the sign-in dialog page and the pane: whatever either side encodes, the other decodes to
 * the same thing; anything else is not ours (null), never a token.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDialogMessage, encodeDialogFailure, encodeDialogToken } from '../../../src/hosts/auth/dialogProtocol';

describe('the sign-in dialog message', () => {
  it('carries a token and its expiry both ways', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 45 }), { nil: null }),
        (accessToken, expiresOn) => {
          expect(decodeDialogMessage(encodeDialogToken({ accessToken, expiresOn }))).toEqual({
            type: 'samrad-sign-in',
            ok: true,
            accessToken,
            expiresOn,
          });
        },
      ),
    );
  });

  it("carries MSAL's error code and message both ways", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (errorCode, errorMessage) => {
        expect(decodeDialogMessage(encodeDialogFailure(errorCode, errorMessage))).toEqual({
          type: 'samrad-sign-in',
          ok: false,
          errorCode,
          errorMessage,
        });
      }),
    );
  });

  it.each([
    ['not JSON', 'token=abc'],
    ['JSON that is not an object', '"abc"'],
    ['null', 'null'],
    ['another message type', JSON.stringify({ type: 'other', ok: true, accessToken: 'a', expiresOn: null })],
    ['an empty token', JSON.stringify({ type: 'samrad-sign-in', ok: true, accessToken: '', expiresOn: null })],
    ['a token that is not a string', JSON.stringify({ type: 'samrad-sign-in', ok: true, accessToken: 5, expiresOn: null })],
    ['an expiry that is not a number', JSON.stringify({ type: 'samrad-sign-in', ok: true, accessToken: 'a', expiresOn: 'soon' })],
    ['no outcome', JSON.stringify({ type: 'samrad-sign-in' })],
  ])('%s is not ours', (_name, text) => {
    expect(decodeDialogMessage(text)).toBeNull();
  });

  it('a failure without code or message still reads as a failure', () => {
    expect(decodeDialogMessage(JSON.stringify({ type: 'samrad-sign-in', ok: false }))).toEqual({
      type: 'samrad-sign-in',
      ok: false,
      errorCode: 'unknown_error',
      errorMessage: '',
    });
  });
});
