/** The pane's view of the port; the port itself lives in src/host so the Office adapter never imports the pane. */
export type { WorkbookHost } from '../host/workbook-host';
