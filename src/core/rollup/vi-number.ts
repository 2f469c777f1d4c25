/**
 * Numbers written as `Intl.NumberFormat('vi-VN', { minimumFractionDigits, maximumFractionDigits })` writes them:
 * "." between groups of three digits, "," before the decimals, halves rounded away from zero on the shortest decimal
 * form of the double (as ICU rounds: 1.005 → "1,01", 0.045 → "0,05"), a minus kept when a negative rounds to zero
 * ("-0"). Creating the first NumberFormat of a process loads ICU's number data, 8–12 ms (measured, Node 20): a
 * rollup of a province pays that for a few hundred short texts. Numbers whose shortest form has an exponent
 * (|n| ≥ 1e21 or < 1e-6) and non-finite ones go to Intl itself; `tests/core/rollup/vi-number.test.ts` checks the
 * two agree on any double.
 */

const fallbacks = new Map<string, Intl.NumberFormat>();

function intl(n: number, minFrac: number, maxFrac: number): string {
  const key = `${minFrac}/${maxFrac}`;
  let f = fallbacks.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: minFrac, maximumFractionDigits: maxFrac });
    fallbacks.set(key, f);
  }
  return f.format(n);
}

/** "1234567" → "1.234.567". */
function grouped(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return out;
}

/** The decimal digits `whole` + `frac` plus one unit in the last place of `frac` (carrying into `whole`). */
function roundUp(whole: string, frac: string): [string, string] {
  const digits = (whole + frac).split('');
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i >= 0) digits[i] = String(Number(digits[i]) + 1);
  else digits.unshift('1');
  const all = digits.join('');
  return [all.slice(0, all.length - frac.length), all.slice(all.length - frac.length)];
}

export function formatViNumber(n: number, minFrac: number, maxFrac: number): string {
  if (!Number.isFinite(n)) return intl(n, minFrac, maxFrac);
  const negative = n < 0 || Object.is(n, -0);
  const shortest = String(Math.abs(n));
  if (shortest.includes('e')) return intl(n, minFrac, maxFrac);
  const dot = shortest.indexOf('.');
  let whole = dot < 0 ? shortest : shortest.slice(0, dot);
  let frac = dot < 0 ? '' : shortest.slice(dot + 1);
  if (frac.length > maxFrac) {
    const up = (frac.charCodeAt(maxFrac) - 48) >= 5;
    frac = frac.slice(0, maxFrac);
    if (up) [whole, frac] = roundUp(whole, frac);
  }
  let end = frac.length;
  while (end > minFrac && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end).padEnd(minFrac, '0');
  return `${negative ? '-' : ''}${grouped(whole)}${frac === '' ? '' : `,${frac}`}`;
}
