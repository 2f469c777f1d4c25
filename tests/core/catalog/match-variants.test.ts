import fc from 'fast-check';
import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { matchIndicator } from '../../../src/core/catalog/match';
import { fold } from '../../../src/core/text/fold';

// How officials shorten the official wording.
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/thủ tục hành chính/gi, 'TTHC'], [/dịch vụ công trực tuyến/gi, 'DVCTT'], [/cán bộ, công chức, viên chức/gi, 'CBCCVC'],
  [/cán bộ, công chức/gi, 'CBCC'], [/khoa học,? công nghệ/gi, 'KHCN'], [/đổi mới sáng tạo/gi, 'ĐMST'], [/chuyển đổi số/gi, 'CĐS'],
  [/ngân sách nhà nước/gi, 'NSNN'], [/doanh nghiệp/gi, 'DN'], [/hợp tác xã/gi, 'HTX'], [/cơ sở dữ liệu/gi, 'CSDL'],
  [/công nghệ thông tin/gi, 'CNTT'], [/hành chính công/gi, 'HCC'],
];

/** A wording as a commune might retype it: each flag turns one habit on. */
function retype(alias: string, flags: readonly boolean[], slip: number): string {
  let s = alias;
  if (flags[0]) for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  if (flags[1]) s = s.replace(/^t[ỷỉ] lệ\s+/i, ''); else if (!/^t[ỷỉ] lệ/i.test(s)) s = `Tỉ lệ ${s}`;
  if (flags[2]) s = `${s} trên địa bàn xã`;
  if (flags[3]) s = fold(s);
  if (flags[4]) s = s.toUpperCase();
  if (flags[5]) s = s.replace(/[,.;()]/g, ' ');
  if (flags[6]) s = s.split(', ').reverse().join(', ');
  if (flags[7]) {
    // One letter dropped from a word of four letters or more: the slips a tired typist makes.
    const words = [...s.matchAll(/\p{L}{4,}/gu)];
    const w = words[slip % Math.max(1, words.length)];
    if (w?.index !== undefined) {
      const i = w.index + 1 + (slip % (w[0].length - 1));
      s = s.slice(0, i) + s.slice(i + 1);
    }
  }
  return s;
}

describe('every catalog wording, retyped', () => {
  const catalog = defaultCatalog();
  const wordings = catalog.indicators.flatMap(ind => [ind.name, ...ind.aliases].map(text => ({ ind, text })));

  it('still matches its own indicator', () => {
    fc.assert(fc.property(fc.constantFrom(...wordings), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.nat(), ({ ind, text }, flags, slip) => {
      const name = retype(text, flags, slip);
      expect({ name, id: matchIndicator({ name, unit: ind.unit }, catalog)?.id }).toEqual({ name, id: ind.id });
    }), { numRuns: 3000 });
  });
});
