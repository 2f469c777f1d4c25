/**
 * Pieces of a sheet plan as SpreadsheetML spells them, shared by every xlsx renderer (exceljs in memory, exceljs
 * streaming, our own writer) so they agree.
 */
import { columnLetter } from '../core/grid/address';
import type { PrintPlan } from '../core/plan/types';

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Where an internal link goes: `'Sheet'!A1` (the hyperlink's `location`). */
export function linkLocation(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

/** B7 → $B$7 (and each end of a range). */
export function absoluteRef(cell: string): string {
  return cell.replace(/\$?([A-Za-z]{1,3})\$?(\d+)/g, '$$$1$$$2');
}

/**
 * The relationship target of a link to another workbook: the relative path as a URI reference (spaces and
 * non-ASCII letters percent-encoded, slashes kept), which Excel resolves against the folder of the workbook.
 * https://learn.microsoft.com/en-us/dotnet/api/documentformat.openxml.spreadsheet.hyperlink
 */
export function linkTarget(file: string): string {
  return encodeURI(file.replace(/\\/g, '/')).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

/** Page header text in the &-code language of headerFooter: centred, literal ampersands doubled. */
export function centredHeader(text: string): string {
  return `&C${text.replace(/&/g, '&&')}`;
}

/** "1:4" for rows 1 to 4 (exceljs's printTitlesRow). */
export function titleRowsSpan(p: PrintPlan): string | null {
  return p.titleRows ? `${p.titleRows[0]}:${p.titleRows[1]}` : null;
}

/** "A:B" for columns 1 to 2 (exceljs's printTitlesColumn). */
export function titleColumnsSpan(p: PrintPlan): string | null {
  return p.titleColumns ? `${columnLetter(p.titleColumns[0])}:${columnLetter(p.titleColumns[1])}` : null;
}

/** The _xlnm.Print_Titles defined name's value: columns first, then rows, as Excel writes it. */
export function printTitlesRef(sheet: string, p: PrintPlan): string | null {
  const parts: string[] = [];
  if (p.titleColumns) parts.push(`${quoteSheet(sheet)}!$${columnLetter(p.titleColumns[0])}:$${columnLetter(p.titleColumns[1])}`);
  if (p.titleRows) parts.push(`${quoteSheet(sheet)}!$${p.titleRows[0]}:$${p.titleRows[1]}`);
  return parts.length > 0 ? parts.join(',') : null;
}
