/** Status colours and names: re-exported from the one vocabulary (src/core/status) for older imports. */
import { STATUS, type Status, type StatusColour } from '../status/vocabulary';

export type { StatusColour };
export type PaletteStatus = Status;

export const STATUS_COLOURS: Readonly<Record<PaletteStatus, StatusColour>> = STATUS;

/** Vietnamese names of the statuses. */
export const STATUS_LABELS: Readonly<Record<PaletteStatus, string>> = Object.fromEntries(
  Object.entries(STATUS).map(([k, v]) => [k, v.vi]),
) as Record<PaletteStatus, string>;
