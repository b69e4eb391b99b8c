import { expect } from 'vitest';

/** The error a promise rejects with, checked to be of the expected class (fails if it resolves). */
export async function failureOf<E extends Error>(promise: Promise<unknown>, errorClass: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(errorClass);
  return error as E;
}
