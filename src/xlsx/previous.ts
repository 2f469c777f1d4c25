/**
 * Last month from a rollup workbook's bytes through the projection of its newest "Dữ liệu" sheet (see projection.ts):
 * the CLI and the web page both try this first, and read the sheet itself when it gives null.
 */
import type { Catalog } from '../core/catalog/catalog';
import { isDataSheetName, PreviousRows, type PreviousRead } from '../core/rollup/previous';
import { readProjected } from './fast/projection';
import type { ReadLimits } from './fast/limits';
import type { RawInflate } from './fast/zip';

export function previousFromProjection(bytes: Uint8Array, catalog: Catalog,
  options: { readonly limits?: ReadLimits; readonly inflateRaw?: RawInflate } = {}): PreviousRead | null {
  const rows = new PreviousRows(catalog);
  const read = readProjected(bytes, isDataSheetName, (_sheet, row, cells) => { rows.row(row, cells); }, options);
  return read === null ? null : rows.result(read.sheet);
}
