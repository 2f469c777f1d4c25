import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { descendants, kid, kids, parseXml, type XmlElement } from './xml';

const ROOT = join(__dirname, '../..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const app = parseXml(xml);
const ORIGIN = 'https://localhost:3000';
const SIZES = ['16', '20', '24', '32', '40', '48', '64', '80'];

const vo = kid(app, 'VersionOverrides');
const resources = kid(vo, 'Resources');
const group = descendants(vo).find(e => e.name === 'Group') as XmlElement;
const controls = kids(group, 'Control');

function resourceMap(section: string): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const r of kid(resources, section).children) {
    const id = r.attrs.id as string;
    expect(out.has(id)).toBe(false);
    out.set(id, r);
  }
  return out;
}
const images = resourceMap('bt:Images');
const urls = resourceMap('bt:Urls');
const shorts = resourceMap('bt:ShortStrings');
const longs = resourceMap('bt:LongStrings');

/** Which resource section each resid-carrying element must point into. */
function sectionFor(el: XmlElement, parent: XmlElement): Map<string, XmlElement> {
  switch (el.name) {
    case 'bt:Image': return images;
    case 'SourceLocation': case 'FunctionFile': case 'LearnMoreUrl': return urls;
    case 'Label': case 'Title': return shorts;
    case 'Description': return parent.name === 'Supertip' || parent.name === 'GetStarted' ? longs : shorts;
    default: throw new Error(`unexpected resid on <${el.name}>`);
  }
}

function withParents(el: XmlElement, parent: XmlElement | null, out: [XmlElement, XmlElement | null][] = []): [XmlElement, XmlElement | null][] {
  out.push([el, parent]);
  for (const c of el.children) withParents(c, el, out);
  return out;
}

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const stringValue = (resid: string): string => (shorts.get(resid) ?? longs.get(resid))?.attrs.DefaultValue ?? '';

describe('manifest.xml', () => {
  it('opens a real help page from SupportUrl and GetStarted, one the build ships', () => {
    const support = kid(app, 'SupportUrl').attrs.DefaultValue;
    expect(support).toBe(`${ORIGIN}/help.html`);
    expect(urls.get('GetStarted.LearnMoreUrl')?.attrs.DefaultValue).toBe(`${ORIGIN}/help.html`);
    expect(existsSync(join(__dirname, '../../src/commands/help.html'))).toBe(true);
  });

  it('is a Workbook task-pane add-in asking for ExcelApi 1.1 and ReadWriteDocument', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(kid(app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(kid(app, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(kid(app, 'DefaultLocale').text).toBe('vi-VN');
    expect(kid(app, 'ProviderName').text.length).toBeGreaterThan(0);
    expect(kids(kid(app, 'Hosts'), 'Host').map(h => h.attrs.Name)).toEqual(['Workbook']);
    const sets = kid(kid(app, 'Requirements'), 'Sets');
    expect(kids(sets, 'Set').map(s => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.1']]);
    expect(kid(app, 'Permissions').text).toBe('ReadWriteDocument');
    expect(kid(kid(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html?office=1`);
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    // Top-level elements in the order the schema requires.
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(app.children.map(c => c.name)).toEqual(order);
  });

  it('has the Phụ lục 57 group on the Home tab with the three buttons', () => {
    const tab = descendants(vo).find(e => e.name === 'OfficeTab');
    expect(tab?.attrs.id).toBe('TabHome');
    expect(stringValue(kid(group, 'Label').attrs.resid as string)).toBe('Phụ lục 57');
    const summary = controls.map(c => {
      const action = kid(c, 'Action');
      return {
        label: stringValue(kid(c, 'Label').attrs.resid as string),
        type: c.attrs['xsi:type'],
        action: action.attrs['xsi:type'],
        target: action.attrs['xsi:type'] === 'ExecuteFunction' ? kid(action, 'FunctionName').text : urls.get(kid(action, 'SourceLocation').attrs.resid as string)?.attrs.DefaultValue,
      };
    });
    expect(summary).toEqual([
      { label: 'Kiểm tra chỉ tiêu', type: 'Button', action: 'ShowTaskpane', target: `${ORIGIN}/taskpane.html?office=1` },
      { label: 'Tô màu nhanh', type: 'Button', action: 'ExecuteFunction', target: 'quickColour' },
      { label: 'Tổng hợp', type: 'Button', action: 'ShowTaskpane', target: `${ORIGIN}/taskpane.html?view=rollup&office=1` },
    ]);
    const functionFile = descendants(vo).find(e => e.name === 'FunctionFile');
    expect(urls.get(functionFile?.attrs.resid as string)?.attrs.DefaultValue).toBe(`${ORIGIN}/commands.html`);
    // The function the button runs is the one the function file registers.
    const commands = readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8');
    expect(commands).toContain("associate('quickColour'");
    // Office 2016/2019 look it up as a global of the function file: the ES5 script owns that global.
    expect(readFileSync(join(ROOT, 'src/legacy/function-file.ts'), 'utf8')).toContain('w.quickColour = quickColour');
    expect(existsSync(join(ROOT, 'src/commands/commands.html'))).toBe(true);
    const ids = descendants(vo).filter(e => e.name === 'Control' || e.name === 'Group').map(e => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every resid to a resource of the right kind, and uses every resource', () => {
    const used = new Set<string>();
    for (const [el, parent] of withParents(vo, null)) {
      const resid = el.attrs.resid;
      if (resid === undefined || !parent) continue;
      expect(resid.length).toBeLessThanOrEqual(32);
      const section = sectionFor(el, parent);
      expect({ resid, found: section.has(resid) }).toEqual({ resid, found: true });
      used.add(resid);
    }
    for (const id of [...images.keys(), ...urls.keys(), ...shorts.keys(), ...longs.keys()]) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
  });

  it('gives every string an en-US override, within the length limits', () => {
    const all: [XmlElement, number][] = [...[...shorts.values()].map(s => [s, 125] as [XmlElement, number]), ...[...longs.values()].map(s => [s, 250] as [XmlElement, number])];
    for (const [s, limit] of all) {
      const overrides = kids(s, 'bt:Override');
      expect({ id: s.attrs.id, locales: overrides.map(o => o.attrs.Locale) }).toEqual({ id: s.attrs.id, locales: ['en-US'] });
      expect((s.attrs.DefaultValue ?? '').length).toBeGreaterThan(0);
      expect((s.attrs.DefaultValue ?? '').length).toBeLessThanOrEqual(limit);
      expect((overrides[0]?.attrs.Value ?? '').length).toBeGreaterThan(0);
      expect((overrides[0]?.attrs.Value ?? '').length).toBeLessThanOrEqual(limit);
    }
    for (const name of ['DisplayName', 'Description']) {
      const el = kid(app, name);
      expect((el.attrs.DefaultValue ?? '').length).toBeGreaterThan(0);
      expect(kids(el, 'Override').map(o => [o.attrs.Locale, (o.attrs.Value ?? '').length > 0])).toEqual([['en-US', true]]);
    }
  });

  it('has all eight icon sizes per button, one set per button, every file a PNG of its size', () => {
    const sets = new Set<string>();
    for (const holder of [group, ...controls]) {
      const icon = kid(holder, 'Icon');
      const list = kids(icon, 'bt:Image');
      expect(list.map(i => i.attrs.size)).toEqual(SIZES);
      const files = list.map(i => images.get(i.attrs.resid as string)?.attrs.DefaultValue ?? '');
      if (holder !== group) sets.add(files.join('|'));
      list.forEach((img, k) => {
        const url = files[k] as string;
        expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
        const file = join(ROOT, url.slice(ORIGIN.length + 1));
        expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
        const size = Number(img.attrs.size);
        expect(pngSize(file)).toEqual({ width: size, height: size });
      });
    }
    expect(sets.size).toBe(controls.length);
    for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
      const url = kid(app, name).attrs.DefaultValue as string;
      expect(pngSize(join(ROOT, url.slice(ORIGIN.length + 1)))).toEqual({ width: size, height: size });
    }
  });

  it('keeps every URL on one https origin', () => {
    const found = [...xml.matchAll(/https?:\/\/[^"'<\s]+/g)].map(m => m[0])
      .filter(u => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(found.length).toBeGreaterThan(20);
    const origins = new Set(found.map(u => new URL(u).origin));
    expect([...origins]).toEqual([ORIGIN]);
  });

  it('rejects malformed XML (the reader is strict)', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(parseXml('<a t="&amp;&lt;">x &amp; y</a>')).toEqual({ name: 'a', attrs: { t: '&<' }, children: [], text: 'x & y' });
  });
});
