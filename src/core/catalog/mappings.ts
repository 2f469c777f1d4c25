/**
 * Manual corrections: a person says "this wording is that catalog indicator" (task pane or `--map file`), and
 * the correction is kept for next month. Format: { "version": 1, "mappings": [ { "name", "id" } ] }, matched
 * by folded name so accents, case and spacing do not matter.
 */
import { fold } from '../text/fold';
import type { Catalog } from './catalog';
import type { IndicatorMatch } from './match';

export interface Mapping {
  /** The indicator name as a commune wrote it. */
  readonly name: string;
  /** A catalog id. */
  readonly id: string;
}

export interface MappingFile {
  readonly version: 1;
  readonly mappings: readonly Mapping[];
}

export interface MappingParse {
  readonly file: MappingFile;
  /** Entries skipped and why, in Vietnamese / English. */
  readonly problems: readonly string[];
}

export const EMPTY_MAPPINGS: MappingFile = { version: 1, mappings: [] };

export function mappingKey(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a mapping document; bad entries are skipped and listed, never thrown. */
export function parseMappings(doc: unknown, catalog?: Catalog): MappingParse {
  const problems: string[] = [];
  if (!isRecord(doc) || !Array.isArray(doc['mappings'])) {
    return { file: EMPTY_MAPPINGS, problems: ['Tệp ánh xạ phải có dạng { "version": 1, "mappings": [...] } / mapping file must be { "version": 1, "mappings": [...] }'] };
  }
  if (doc['version'] !== undefined && doc['version'] !== 1) problems.push(`Phiên bản ${String(doc['version'])} chưa hỗ trợ, đọc như phiên bản 1 / unsupported version read as 1`);
  const ids = catalog ? new Set(catalog.indicators.map(i => i.id)) : null;
  const mappings: Mapping[] = [];
  doc['mappings'].forEach((m: unknown, i: number) => {
    if (!isRecord(m) || typeof m['name'] !== 'string' || typeof m['id'] !== 'string' || mappingKey(m['name']) === '') {
      problems.push(`Mục ${i + 1}: thiếu "name" hoặc "id" / entry ${i + 1}: "name" and "id" are required`);
      return;
    }
    if (ids && !ids.has(m['id'])) {
      problems.push(`Mục ${i + 1}: không có chỉ tiêu "${m['id']}" trong danh mục / entry ${i + 1}: unknown indicator id`);
      return;
    }
    mappings.push({ name: m['name'], id: m['id'] });
  });
  return { file: { version: 1, mappings }, problems };
}

/** Folded name → id; a later entry for the same wording wins (the latest correction). */
export function indexMappings(file: MappingFile): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const m of file.mappings) map.set(mappingKey(m.name), m.id);
  return map;
}

/** The match after people's corrections: a mapped wording gets its id with full confidence. */
export function applyMappings(
  input: { readonly name: string },
  match: IndicatorMatch | null,
  mappings: ReadonlyMap<string, string>,
): IndicatorMatch | null {
  if (mappings.size === 0) return match;
  const id = mappings.get(mappingKey(input.name));
  if (id === undefined) return match;
  if (match && match.id === id) return { ...match, confidence: 1, manual: true };
  const runnerUp = match ? { id: match.id, confidence: match.confidence } : undefined;
  return runnerUp ? { id, confidence: 1, runnerUp, manual: true } : { id, confidence: 1, manual: true };
}

/** Adds or replaces the correction for a wording, keeping the file's order otherwise. */
export function withMapping(file: MappingFile, name: string, id: string): MappingFile {
  const key = mappingKey(name);
  const kept = file.mappings.filter(m => mappingKey(m.name) !== key);
  return { version: 1, mappings: [...kept, { name: name.trim(), id }] };
}

export function serializeMappings(file: MappingFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
