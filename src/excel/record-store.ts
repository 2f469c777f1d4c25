/**
 * Where the colour record lives: a custom XML part under our namespace (ExcelApi 1.5, travels with the file and
 * does not depend on the add-in's id), else the document settings. Reading takes at most one sync after the
 * sheet listing; writing is queued with the colour changes so no extra round trip is needed.
 */
import { ACTION_BYTES, utf8Length, type Op } from './budget';
import {
  RECORD_NAMESPACE, RECORD_SETTING, recordFromJson, recordFromXml, recordIsEmpty, recordToJson, recordToXml,
  type ColourRecord,
} from './colour-record';
import { saveSettings, type SettingsLike } from './env';

export interface RecordStore {
  /** Queued with the first sync. */
  queueLocate(): void;
  /** Queued after the first sync; true when a second sync is needed to read it. */
  queueRead(): boolean;
  /** After the read sync. */
  record(): ColourRecord | null;
  /** The queued write of `record` (null or empty removes it); null when the store writes outside the batch. */
  writeOp(record: ColourRecord | null): Op | null;
  /** Persists outside the batch where the store needs it (settings.saveAsync). */
  save(record: ColourRecord | null): Promise<void>;
}

export function xmlPartStore(context: Excel.RequestContext): RecordStore {
  let parts: Excel.CustomXmlPartScopedCollection | null = null;
  let xml: OfficeExtension.ClientResult<string> | null = null;
  return {
    queueLocate() {
      parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
      parts.load('items/id');
    },
    queueRead() {
      const first = parts?.items?.[0];
      if (!first) return false;
      xml = first.getXml();
      return true;
    },
    record() {
      const text = xml?.value;
      return typeof text === 'string' ? recordFromXml(text) : null;
    },
    writeOp(record) {
      const existing = parts?.items ?? [];
      const content = record && !recordIsEmpty(record) ? recordToXml(record) : null;
      return {
        bytes: ACTION_BYTES * (existing.length + 1) + (content ? utf8Length(content) : 0),
        queue: () => {
          for (const p of existing) p.delete();
          if (content) context.workbook.customXmlParts.add(content);
        },
      };
    },
    save: async () => undefined,
  };
}

export function settingsStore(settings: SettingsLike | null): RecordStore {
  return {
    queueLocate: () => undefined,
    queueRead: () => false,
    record() {
      const raw = settings?.get(RECORD_SETTING);
      return typeof raw === 'string' ? recordFromJson(raw) : null;
    },
    writeOp: () => null,
    async save(record) {
      if (!settings) return;
      if (record && !recordIsEmpty(record)) settings.set(RECORD_SETTING, recordToJson(record));
      else settings.remove(RECORD_SETTING);
      await saveSettings(settings);
    },
  };
}
