import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { XmlTokenizer } from '../../../src/xlsx/fast/tokenizer';

/**
 * The tokenizer against saxes, the SAX parser the reader used before it (and a published, conformance-tested XML
 * parser): the same elements, attributes and text, and an error exactly when saxes reports one, however the input
 * is cut into chunks.
 */

type Event = readonly ['open', string, Record<string, string>] | readonly ['close', string] | readonly ['text', string];
interface Outcome { readonly events: Event[]; readonly error: boolean }

/** Adjacent text events merged: parsers may split text anywhere, the reader's handlers concatenate it. */
function push(events: Event[], e: Event): void {
  const last = events[events.length - 1];
  if (e[0] === 'text' && last?.[0] === 'text') events[events.length - 1] = ['text', last[1] + e[1]];
  else if (e[0] !== 'text' || e[1] !== '') events.push(e);
}

/** saxes until its first error (the reader stops there: a malformed part). */
function bySaxes(xml: string): Outcome {
  const events: Event[] = [];
  const p = new SaxesParser({ xmlns: false, position: false });
  let error = false;
  p.on('opentag', t => { if (!error) push(events, ['open', t.name, { ...t.attributes as Record<string, string> }]); });
  p.on('closetag', t => { if (!error) push(events, ['close', t.name]); });
  p.on('text', t => { if (!error) push(events, ['text', t]); });
  p.on('cdata', t => { if (!error) push(events, ['text', t]); });
  p.on('error', () => { error = true; });
  try { p.write(xml); p.close(); } catch { error = true; }
  return { events: error ? [] : events, error };
}

function byTokenizer(xml: string, cuts: readonly number[]): Outcome {
  const events: Event[] = [];
  const t = new XmlTokenizer({
    open: (name, attrs) => { push(events, ['open', name, { ...attrs }]); },
    close: name => { push(events, ['close', name]); },
    text: text => { push(events, ['text', text]); },
  });
  try {
    let from = 0;
    for (const c of [...cuts].sort((a, b) => a - b)) {
      const at = Math.min(c, xml.length);
      t.write(xml.slice(from, Math.max(from, at)));
      from = Math.max(from, at);
    }
    t.write(xml.slice(from));
    t.close();
  } catch {
    return { events: [], error: true };
  }
  return { events, error: false };
}

function sameAsSaxes(xml: string, cuts: readonly number[] = []): void {
  expect(byTokenizer(xml, cuts)).toEqual(bySaxes(xml));
}

describe('the tokenizer reads as saxes does', () => {
  const cases = [
    '<a x="1\t2\n3\r\n4">t\r\nu\rv</a>', '<a>&lt;&#65;&#x42;&amp;&quot;&apos;&gt;</a>', '<a>&foo;</a>', '<a>& b</a>',
    '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', '<!DOCTYPE a [<!ENTITY e "x>">]><a>x</a>', '<a><![CDATA[x<y&z]]></a>',
    '<a>x</b>', '<a/>  ', '<?xml version="1.0"?>\n<a> <b/> </a>', '<a>&#0;</a>', '<a>&#1;</a>', '<a>&#xD800;</a>',
    '<a x="<"/>', '<a x=">"/>', '<a x = "1" ></a >', '<a>x</a>junk', '<a>x</a><b/>', '</b><c>z</c>',
    '<a x="1" x="2"/>', '<a><!-- c --></a>', '<a>]]></a>', '<a x="&#10;&#9;"/>', '<a>\u0001</a>', '<a x=\'q"\'/>',
    '<x:c r="A1" t="s"><x:v>3</x:v></x:c>', '<a>', '<a', '', '   ', '<a>\uffff</a>', '<a>😀é</a>', '<a b/>', '<a b="1"c="2"/>',
    '<a/ >', '<a>\r</a>', '<a x="\r\n"/>', '<?pi stuff?><a/>', '<a>x<?pi?>y</a>', '<a>&amp;amp;</a>', '<a>&#x110000;</a>',
  ];
  it.each(cases.map(c => [JSON.stringify(c), c]))('%s', (_label, xml) => { sameAsSaxes(xml); });

  it('on SpreadsheetML-like documents cut into chunks anywhere', () => {
    const name = fc.constantFrom('c', 'v', 'row', 'x:c', 'si', 't', 'r', 'f');
    const textPiece = fc.constantFrom('abc', 'Tỷ lệ', ' ', '\n', '\r\n', '\r', '&amp;', '&lt;', '&#10;', '&#x1EF7;', '&gt;', '1.5', '"', "'", '>', ']]', 'x]]>', '&', '\t', '\u0001');
    const text = fc.array(textPiece, { maxLength: 4 }).map(a => a.join(''));
    const attr = fc.tuple(fc.constantFrom('r', 's', 't', 'xml:space'), fc.array(textPiece, { maxLength: 3 }).map(a => a.join('')), fc.constantFrom('"', "'"))
      .map(([k, v, q]) => ` ${k}=${q}${v.split(q).join(q === '"' ? '&quot;' : '&apos;')}${q}`);
    const node: fc.Memo<string> = fc.memo(depth => depth <= 1
      ? fc.oneof(text, fc.tuple(name, fc.array(attr, { maxLength: 3 })).map(([n, a]) => `<${n}${[...new Set(a)].join('')}/>`))
      : fc.oneof(
        text,
        fc.constantFrom('<!-- note -->', '<![CDATA[a<b]]>', '<?pi x?>'),
        fc.tuple(name, fc.array(attr, { maxLength: 3 }), fc.array(node(depth - 1), { maxLength: 4 }))
          .map(([n, a, kids]) => `<${n}${[...new Set(a)].join('')}>${kids.join('')}</${n}>`),
      ));
    const doc = fc.tuple(fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'), node(4), fc.constantFrom('', ' ', '\n', 'x', '<b/>'))
      .map(([head, body, tail]) => `${head}<root>${body}</root>${tail}`);
    fc.assert(fc.property(doc, fc.array(fc.nat(400), { maxLength: 6 }), (xml, cuts) => { sameAsSaxes(xml, cuts); }), { numRuns: 3000 });
  });

  it('on every XML part of the workbooks in tests/fixtures, cut into 1 KB chunks', () => {
    const root = path.join(__dirname, '..', '..', 'fixtures');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap(d => d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.xlsx') ? [path.join(dir, d.name)] : []);
    let parts = 0;
    for (const file of walk(root)) {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = new TextDecoder().decode(bytes);
        const cuts = Array.from({ length: Math.floor(xml.length / 1024) }, (_, i) => (i + 1) * 1024 + (i % 7));
        expect({ file: path.basename(file), name, ...byTokenizer(xml, cuts) }).toEqual({ file: path.basename(file), name, ...bySaxes(xml) });
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(100);
  });
});

describe('unfinished markup', () => {
  const chunked = (xml: string, size: number): Outcome => byTokenizer(xml, Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => i * size));

  it('is kept across chunks up to MAX_PENDING characters, as saxes reads it', () => {
    const xml = `<root><!--${'<a> '.repeat(200_000)}--><c>1</c></root>`;
    expect(chunked(xml, 65_536)).toEqual(bySaxes(xml));
    expect(chunked(xml, 65_536).events).toContainEqual(['text', '1']);
  });

  it('past MAX_PENDING is an error, not a search repeated over a growing buffer', () => {
    // A comment that never ends, "<" after "<" inside it (so the reader's run limit never trips): 5 MB.
    const xml = `<root><!--${'<a> '.repeat(1_300_000)}`;
    expect(chunked(xml, 65_536)).toEqual({ events: [], error: true });
    const t = new XmlTokenizer({ open: () => undefined, close: () => undefined, text: () => undefined });
    expect(() => { for (let i = 0; i < xml.length; i += 65_536) t.write(xml.slice(i, i + 65_536)); }).toThrow(/markup longer than/);
  });
});
