/**
 * Remembering a pure function of a text for recent distinct texts: a province's files repeat the same headers,
 * targets and labels thousands of times. Bounded whatever the input: past the limit the memory starts over.
 * Only for functions whose results are immutable values (they are shared between callers).
 */
export function memoText<T>(f: (text: string) => T, limit = 50_000, maxChars = 4_000_000): (text: string) => T {
  let seen = new Map<string, T>();
  // Keys are counted by length too: a few thousand distinct long cells (up to 32,767 characters each) would
  // otherwise keep hundreds of megabytes alive.
  let chars = 0;
  return (text: string) => {
    let r = seen.get(text);
    if (r === undefined && !seen.has(text)) {
      r = f(text);
      if (seen.size >= limit || chars + text.length > maxChars) { seen = new Map(); chars = 0; }
      seen.set(text, r);
      chars += text.length;
    }
    return r as T;
  };
}

/**
 * The same for a pure function of a number (a province repeats its figures). Map keys do not tell -0 from 0, so -0 is
 * always computed. Bounded: past the limit the memory starts over.
 */
export function memoNumber<T>(f: (n: number) => T, limit = 20_000): (n: number) => T {
  let seen = new Map<number, T>();
  return (n: number) => {
    if (Object.is(n, -0)) return f(n);
    let r = seen.get(n);
    if (r === undefined && !seen.has(n)) {
      r = f(n);
      if (seen.size >= limit) seen = new Map();
      seen.set(n, r);
    }
    return r as T;
  };
}
