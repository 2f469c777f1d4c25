/** Column-role corrections kept in the workbook's settings, so they follow the file. */
import type { ColumnOverride } from '../core/check/options';
import { saveSettings, type SettingsLike } from './env';

export const OVERRIDES_SETTING = 'phuluc57.columnOverrides';

function validOverride(o: unknown): o is ColumnOverride {
  if (!o || typeof o !== 'object') return false;
  const { sheet, headerRow, columns } = o as { sheet?: unknown; headerRow?: unknown; columns?: unknown };
  if (typeof sheet !== 'string' || typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 1) return false;
  if (!columns || typeof columns !== 'object') return false;
  return Object.values(columns).every(v => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1));
}

/** The stored overrides; anything malformed is dropped rather than trusted. */
export function loadColumnOverrides(settings: SettingsLike | null): ColumnOverride[] {
  const raw = settings?.get(OVERRIDES_SETTING);
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  return Array.isArray(data) ? data.filter(validOverride) : [];
}

export async function saveColumnOverrides(settings: SettingsLike | null, overrides: readonly ColumnOverride[]): Promise<void> {
  if (!settings) return;
  if (overrides.length === 0) settings.remove(OVERRIDES_SETTING);
  else settings.set(OVERRIDES_SETTING, JSON.stringify(overrides));
  await saveSettings(settings);
}
