/**
 * The list of the units since 2025-07-01 the names benchmarks read: the `mapping/merges.json` of the public
 * dvhcvn/20250701 repository, in a local folder (nothing of it is copied into this project).
 */
import { readFileSync } from 'node:fs';

export interface Province { readonly name: string; readonly level2s: readonly { readonly name: string }[] }

/** The list's provinces and the text it was read from. */
export function readUnits(file: string): { provinces: Province[]; text: string } {
  const text = readFileSync(file, 'utf8');
  return { provinces: (JSON.parse(text) as { data: Province[] }).data, text };
}

/** "Xã Văn Lăng" → its level word as a caption writes it, and the name. */
export function splitUnit(full: string): { level: string; name: string } {
  const m = /^(Xã|Phường|Thị trấn|Đặc khu)\s+(.+)$/u.exec(full);
  return m ? { level: (m[1] as string).toLowerCase(), name: m[2] as string } : { level: 'xã', name: full };
}
