/**
 * Request-size budgeting. Excel on the web rejects a request or response over 5 MB, so the adapter estimates the
 * JSON it queues and syncs before a batch would pass the budget. Below the budget every action costs the same
 * number of syncs whatever the row count; above it, one more sync per ~4 MB, never one per row.
 */

export const DEFAULT_REQUEST_BUDGET = 4_000_000;

/**
 * Generous estimate of the request JSON one queued action costs besides its arguments: the object path
 * (e.g. getItem → getRange → format → fill) and the action record.
 */
export const ACTION_BYTES = 250;

/** UTF-8 byte length of a string (Vietnamese letters take 2–3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

export function jsonSize(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Length(s);
}

/** A queued piece of work and what it adds to the request. */
export interface Op {
  readonly bytes: number;
  readonly queue: () => void;
}

/** Splits ops into consecutive groups whose sizes stay within the budget (an oversized op stands alone). */
export function packOps(ops: readonly Op[], budget: number): Op[][] {
  const groups: Op[][] = [];
  let current: Op[] = [];
  let used = 0;
  for (const op of ops) {
    if (current.length > 0 && used + op.bytes > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(op);
    used += op.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Queues the ops and syncs once per group: one sync when everything fits the budget.
 * With no ops it still syncs once when `alwaysSync`, so callers can rely on pending loads being resolved.
 */
export async function runOps(context: { sync(): Promise<void> }, ops: readonly Op[], budget: number, alwaysSync = false): Promise<number> {
  const groups = packOps(ops, budget);
  if (groups.length === 0) {
    if (alwaysSync) await context.sync();
    return alwaysSync ? 1 : 0;
  }
  for (const group of groups) {
    for (const op of group) op.queue();
    await context.sync();
  }
  return groups.length;
}
