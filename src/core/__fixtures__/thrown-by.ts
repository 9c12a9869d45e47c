// For tests that compare what two constructors throw: the thrown value itself, not an expectation on it.

/**
 * What `make` throws, or the string "no error" when it returns.
 *
 * @example
 * expect(String(thrownBy(() => fast()))).toBe(String(thrownBy(() => new Response(null, init))));
 */
export function thrownBy(make: () => unknown): unknown {
  try {
    make();
  } catch (thrown) {
    return thrown;
  }
  return "no error";
}
