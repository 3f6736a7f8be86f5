/** Awaits a sign-in that must fail, and checks it failed with a SignInError that says what and why in both languages. */
import { expect } from 'vitest';
import { SignInError } from '../../src/hosts/auth/signInError';

export async function signInFailure(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SignInError);
  const typed = error as SignInError;
  expect(typed.what.sv).not.toBe(typed.what.en);
  expect(typed.hint.sv).not.toBe(typed.hint.en);
  return typed;
}
