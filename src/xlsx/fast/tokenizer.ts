/**
 * A streaming XML tokenizer for SpreadsheetML parts, in place of a general SAX parser: start tags with their
 * attributes, end tags and text, found with native string searches instead of one character at a time (saxes's
 * character loop was a seventh of a province's rollup, profiled). It is as strict as saxes where a workbook can
 * differ — unknown entities, characters XML 1.0 forbids, mismatched or unclosed tags, text outside the root, a
 * duplicate attribute, "<" in an attribute value are errors — and normalises as XML 1.0 says: line ends (§2.11),
 * attribute values (§3.3.3). It skips what SpreadsheetML does not use: declarations, processing instructions,
 * comments and a DOCTYPE (whose entities stay undefined, as in saxes: no entity is ever expanded).
 * Names are not checked against the XML name grammar.
 */

export interface TokenHandler {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

/** Characters XML 1.0 does not allow in a document (§2.2), but for surrogates, which arrive paired from the decoder. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** Anything in text that needs more than passing it on: a line end to normalise, a reference, "]]>", a bad character. */
// eslint-disable-next-line no-control-regex -- as FORBIDDEN
const TEXT_WORK = /[\r&\]\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** The same in an attribute value, with "<" and the white space that normalisation turns into spaces. */
// eslint-disable-next-line no-control-regex -- as FORBIDDEN
const ATTR_WORK = /[<\t\n\r&\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const CR = /\r\n?/g;
const ATTR_SPACE = /[\t\n\r]/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const ENTITY_HERE = /&(?:#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/y;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The longest tag, comment, CDATA section or declaration kept while waiting for its end. An unfinished one is searched
 * again with every chunk, so without a bound a hostile part (a comment that never ends, "<" after "<" inside it) would
 * cost time quadratic in its size; no SpreadsheetML construct comes near this (a cell's text is at most 32,767
 * characters, and text is handed on as it comes).
 */
export const MAX_PENDING = 4 * 1024 * 1024;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function allowedCodePoint(n: number): boolean {
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

function entity(_m: string, body: string): string {
  const named = NAMED[body];
  if (named !== undefined) return named;
  const n = body.charCodeAt(1) === 0x78 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (!allowedCodePoint(n)) throw new XmlSyntaxError(`malformed character entity &${body};`);
  return String.fromCodePoint(n);
}

/** Entities replaced; an "&" that starts none of them is an error (saxes: "undefined entity"). */
function decode(s: string): string {
  for (let at = s.indexOf('&'); at >= 0; at = s.indexOf('&', at + 1)) {
    ENTITY_HERE.lastIndex = at;
    if (!ENTITY_HERE.test(s)) throw new XmlSyntaxError('undefined entity');
  }
  return s.replace(ENTITY, entity);
}

export class XmlTokenizer {
  /** Input not consumed yet: an unfinished tag, entity, or carriage return waiting for its line feed. */
  private rest = '';
  private readonly stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;

  /** `fragment`: input starts mid-document (after a skipped element): end tags of elements opened before are ignored. */
  constructor(private readonly h: TokenHandler, private readonly fragment = false) {}

  write(chunk: string): void {
    const s = this.rest === '' ? chunk : this.rest + chunk;
    this.rest = '';
    const end = this.scan(s, false);
    if (end < s.length) {
      if (s.length - end > MAX_PENDING) throw new XmlSyntaxError(`markup longer than ${MAX_PENDING} characters`);
      this.rest = s.slice(end);
    }
  }

  /** The end of input: whatever is unfinished is an error. */
  close(): void {
    const s = this.rest;
    this.rest = '';
    if (s !== '' && this.scan(s, true) < s.length) throw new XmlSyntaxError('unexpected end of input');
    if (this.fragment) return;
    if (this.stack.length > 0) throw new XmlSyntaxError(`unclosed tag: ${this.stack[this.stack.length - 1] ?? ''}`);
    if (!this.rootSeen) throw new XmlSyntaxError('document must contain a root element');
  }

  /** Tokenizes `s` from the start; returns where the unconsumed rest begins. */
  private scan(s: string, final: boolean): number {
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt !== i) {
        // Text up to the next tag, or to the end of this chunk.
        let end = lt < 0 ? n : lt;
        if (lt < 0 && !final) {
          // Keep an entity or a carriage return cut by the chunk's end for the next chunk.
          const amp = s.lastIndexOf('&', n - 1);
          if (amp >= i && s.indexOf(';', amp) < 0) end = amp;
          if (end > i && s.charCodeAt(end - 1) === 0x0d) end--;
          // And up to two "]", so that a "]]>" cut in two is still seen whole.
          for (let k = 0; k < 2 && end > i && s.charCodeAt(end - 1) === 0x5d; k++) end--;
          if (end === i) return i;
        }
        this.text(s.slice(i, end));
        i = end;
        if (lt < 0) return i;
        continue;
      }
      const next = s.charCodeAt(i + 1);
      if (Number.isNaN(next)) return i;
      if (next === 0x2f) { // </name>
        const gt = s.indexOf('>', i + 2);
        if (gt < 0) return i;
        this.endTag(s.slice(i + 2, gt).trimEnd());
        i = gt + 1;
      } else if (next === 0x3f) { // <? … ?>
        const e = s.indexOf('?>', i + 2);
        if (e < 0) return i;
        i = e + 2;
      } else if (next === 0x21) { // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …>
        const r = this.markup(s, i);
        if (r < 0) return i;
        i = r;
      } else {
        const r = this.startTag(s, i);
        if (r < 0) return i;
        i = r;
      }
    }
    return i;
  }

  private text(raw: string): void {
    let t = raw;
    if (this.stack.length > 0 && !TEXT_WORK.test(t)) { this.h.text(t); return; }
    if (t.includes('\r')) t = t.replace(CR, '\n');
    if (FORBIDDEN.test(t)) throw new XmlSyntaxError('disallowed character');
    if (t.includes(']]>')) throw new XmlSyntaxError('the string "]]>" is disallowed in char data');
    if (t.includes('&')) t = decode(t);
    if (this.stack.length === 0 && !this.fragment && !/^[ \t\n]*$/.test(t)) throw new XmlSyntaxError('text data outside of root node');
    this.h.text(t);
  }

  /** `<!…`: returns the index after it, or -1 when it is not complete in `s`. */
  private markup(s: string, i: number): number {
    if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const e = s.indexOf(']]>', i + 9);
      if (e < 0) return -1;
      if (this.stack.length === 0) throw new XmlSyntaxError('CDATA outside of root node');
      let t = s.slice(i + 9, e);
      if (t.includes('\r')) t = t.replace(CR, '\n');
      if (FORBIDDEN.test(t)) throw new XmlSyntaxError('disallowed character');
      this.h.text(t);
      return e + 3;
    }
    if (s.length - i < 9) return -1;
    if (!s.startsWith('<!DOCTYPE', i)) throw new XmlSyntaxError('unexpected markup');
    // To its closing ">", past an internal subset in brackets (whose quoted strings may hold either).
    let depth = 0;
    for (let j = i + 9; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x22 || c === 0x27) {
        const q = s.indexOf(c === 0x22 ? '"' : "'", j + 1);
        if (q < 0) return -1;
        j = q;
      } else if (c === 0x5b) depth++;
      else if (c === 0x5d) depth--;
      else if (c === 0x3e && depth <= 0) return j + 1;
    }
    return -1;
  }

  /** `<name attr="v" …>` or `<name …/>` at `i`: returns the index after it, or -1 when not complete in `s`. */
  private startTag(s: string, i: number): number {
    const n = s.length;
    let j = i + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === 0x3e || c === 0x2f) break;
      j++;
    }
    if (j >= n) return -1;
    const name = s.slice(i + 1, j);
    if (name === '') throw new XmlSyntaxError('disallowed character in tag name');
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const c = s.charCodeAt(j);
      if (c === 0x3e) { this.openTag(name, attrs, false); return j + 1; }
      if (c === 0x2f) {
        if (j + 1 >= n) return -1;
        if (s.charCodeAt(j + 1) !== 0x3e) throw new XmlSyntaxError('forward-slash in opening tag not followed by >');
        this.openTag(name, attrs, true);
        return j + 2;
      }
      // The name runs to "=" or white space; a quote, "<" or ">" first means an attribute without a value.
      const from = j;
      let k = j;
      for (; k < n; k++) {
        const d = s.charCodeAt(k);
        if (d === 0x3d || isSpace(d)) break;
        if (d === 0x22 || d === 0x27 || d === 0x3c || d === 0x3e || d === 0x2f) throw new XmlSyntaxError('attribute without value');
      }
      if (k >= n) return -1;
      const key = s.slice(from, k);
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      if (s.charCodeAt(k) !== 0x3d) throw new XmlSyntaxError('attribute without value');
      j = k + 1;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const q = s.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new XmlSyntaxError('unquoted attribute value');
      const close = s.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return -1;
      let v = s.slice(j + 1, close);
      if (ATTR_WORK.test(v)) {
        if (v.includes('<')) throw new XmlSyntaxError('disallowed character in attribute value');
        if (v.includes('\r')) v = v.replace(CR, '\n');
        if (FORBIDDEN.test(v)) throw new XmlSyntaxError('disallowed character');
        // §3.3.3: white space characters become spaces before references are replaced (so "&#10;" stays a line feed).
        v = v.replace(ATTR_SPACE, ' ');
        if (v.includes('&')) v = decode(v);
      }
      if (Object.prototype.hasOwnProperty.call(attrs, key)) throw new XmlSyntaxError(`duplicate attribute: ${key}`);
      attrs[key] = v;
      j = close + 1;
      const after = s.charCodeAt(j);
      if (j < n && !isSpace(after) && after !== 0x3e && after !== 0x2f) throw new XmlSyntaxError('no whitespace between attributes');
    }
  }

  private openTag(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    if (this.stack.length === 0 && !this.fragment) {
      if (this.rootClosed) throw new XmlSyntaxError('text data outside of root node');
      this.rootSeen = true;
    }
    this.h.open(name, attrs);
    if (selfClosing) {
      this.h.close(name);
      if (this.stack.length === 0) this.rootClosed = true;
    } else this.stack.push(name);
  }

  private endTag(name: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== name) {
      // Mid-document, the end tags of elements opened before the input began are expected (saxes's fragment mode
      // reports them as errors, which the reader ignores there).
      if (this.fragment) return;
      throw new XmlSyntaxError(`unmatched closing tag: ${name}`);
    }
    this.stack.pop();
    this.h.close(name);
    if (this.stack.length === 0) this.rootClosed = true;
  }
}
