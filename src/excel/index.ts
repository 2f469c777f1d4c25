export { OfficeWorkbookHost } from './office-host';
export { officeEnv, type OfficeEnv, type SettingsLike, type ExcelRun } from './env';
export { detectFeatures, type Features } from './features';
export type { ColourOutcome, ClearOutcome } from './colours';
export type { WorkbookRead } from './read-grid';
export { describeOfficeError, officeErrorCode, officeErrorKind, type OfficeErrorKind } from './errors';
