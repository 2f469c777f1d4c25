/**
 * What the running Excel supports. The manifest asks only for ExcelApi 1.1 so Office 2016 loads the add-in;
 * everything newer is detected here once and each use has a fallback.
 */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface Features {
  /** ExcelApi 1.2: getUsedRange(valuesOnly), worksheet protection, column widths, merge(). */
  readonly api12: boolean;
  /** ExcelApi 1.5: custom XML parts (where the original colours are kept). */
  readonly customXml: boolean;
  /** ExcelApi 1.7: hyperlinks, freeze panes. */
  readonly api17: boolean;
  /** ExcelApi 1.9: getCellProperties / setCellProperties, fill patterns. */
  readonly cellProperties: boolean;
  /** ExcelApi 1.12: worksheet custom properties (the key that finds a sheet again after reopening). */
  readonly customProperties: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  readonly mergedAreas: boolean;
}

export function detectFeatures(isSupported: IsSetSupported): Features {
  const has = (v: string): boolean => {
    try {
      return isSupported('ExcelApi', v);
    } catch {
      return false; // an Office too old to answer supports nothing beyond the baseline
    }
  };
  return {
    api12: has('1.2'),
    customXml: has('1.5'),
    api17: has('1.7'),
    cellProperties: has('1.9'),
    customProperties: has('1.12'),
    mergedAreas: has('1.13'),
  };
}
