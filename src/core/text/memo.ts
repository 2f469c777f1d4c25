/**
 * Remembering a pure function of a text for recent distinct texts: a province's files repeat the same headers,
 * targets and labels thousands of times. Bounded whatever the input: past the limit the memory starts over.
 * Only for functions whose results are immutable values (they are shared between callers).
 */
export function memoText<T>(f: (text: string) => T, limit = 50_000): (text: string) => T {
  let seen = new Map<string, T>();
  return (text: string) => {
    let r = seen.get(text);
    if (r === undefined && !seen.has(text)) {
      r = f(text);
      if (seen.size >= limit) seen = new Map();
      seen.set(text, r);
    }
    return r as T;
  };
}
