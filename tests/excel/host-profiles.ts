/**
 * The Excel hosts the add-in meets, each offering only its documented requirement sets, so a call made without a
 * guard fails a test on the host that lacks it.
 *
 * Requirement sets per host: https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * (Office 2016 volume licensed: "ExcelApi 1.1 is ... the only Excel-specific requirement set supported by Excel 2016",
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-1-1-requirement-set ;
 * Office 2019 volume licensed: up to ExcelApi 1.8; Microsoft 365 and the web: the current sets, here up to 1.17).
 * Limits: https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * ("Excel on the web has a payload size limit for requests and responses of 5MB"; "a range is limited to five million
 * cells for get operations").
 */
export interface HostProfile {
  readonly name: 'excel2016' | 'excel2019' | 'm365' | 'web';
  /** Highest ExcelApi version supported: every lower one is supported too. */
  readonly excelApi: string;
  /** Request and response limits in bytes (Excel on the web); null where none is documented. */
  readonly payloadLimit: number | null;
  /** Most cells one get may cover (desktop); null where the payload limit bites first. */
  readonly cellLimit: number | null;
  /** Excel on the web mishandles adding and activating a sheet in one batch (office-js #930). */
  readonly online: boolean;
}

export const EXCEL_2016: HostProfile = { name: 'excel2016', excelApi: '1.1', payloadLimit: null, cellLimit: 5_000_000, online: false };
export const EXCEL_2019: HostProfile = { name: 'excel2019', excelApi: '1.8', payloadLimit: null, cellLimit: 5_000_000, online: false };
export const MICROSOFT_365: HostProfile = { name: 'm365', excelApi: '1.17', payloadLimit: null, cellLimit: 5_000_000, online: false };
export const EXCEL_WEB: HostProfile = { name: 'web', excelApi: '1.17', payloadLimit: 5_000_000, cellLimit: null, online: true };

export const ALL_PROFILES: readonly HostProfile[] = [EXCEL_2016, EXCEL_2019, MICROSOFT_365, EXCEL_WEB];

/** A profile offering exactly up to `version` (for tests pinned to one API level). */
export function atLevel(version: string, base: HostProfile = MICROSOFT_365): HostProfile {
  return { ...base, excelApi: version };
}
