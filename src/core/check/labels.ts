import type { RowStatus } from './report';
import { STATUS } from '../status/vocabulary';

/** Status names shown to people, Vietnamese first: the one vocabulary of src/core/status. */
export const STATUS_LABELS: Readonly<Record<RowStatus | 'not_reported', { readonly vi: string; readonly en: string }>> = STATUS;

/** Statuses a person should look at, most urgent first. */
export const NEEDS_ATTENTION: readonly RowStatus[] = ['invalid', 'not_met', 'overdue', 'at_risk', 'manual', 'not_started'];
