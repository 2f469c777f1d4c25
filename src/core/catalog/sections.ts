/**
 * Recognising the section a commune put a row under ("I. Phát triển hạ tầng", "- Phát triển nguồn lực"),
 * used as weak evidence by the matcher. Horizon headings ("Đến năm 2030") name no section.
 */
import type { CatalogSection } from './catalog';
import { canonicalText } from './normalize';

const RULES: ReadonlyArray<readonly [RegExp, CatalogSection]> = [
  [/\bha tang\b/, 'infrastructure'],
  [/\bnguon luc\b|\bnhan luc\b/, 'resources'],
  [/\bgiao duc\b|\bdao tao\b/, 'education'],
  [/\bhe sinh thai\b|\bdoi moi sang tao\b|\bkhoi nghiep\b/, 'innovation'],
  [/\bkhoa hoc\b|\bcong nghe\b/, 'science_technology'],
  [/\bchuyen doi so\b|\bchinh quyen so\b|\bdich vu cong\b|\bthu tuc hanh chinh\b|\bkinh te so\b|\bxa hoi so\b/, 'digital_transformation'],
];

export function sectionOf(text: string): CatalogSection | null {
  const s = canonicalText(text);
  for (const [re, section] of RULES) if (re.test(s)) return section;
  return null;
}
