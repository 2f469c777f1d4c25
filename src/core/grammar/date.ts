/**
 * Calendar helpers shared by deadlines, periods and cells holding Excel dates.
 * Dates travel as ISO strings "yyyy-mm-dd"; no time zones are involved (UTC arithmetic only).
 */

/** "yyyy-mm-dd" for a valid calendar day, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month, "yyyy-mm-dd", or null when out of range. */
export function endOfMonth(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  return isoDate(year, month, lastDayOfMonth(year, month));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2025-12-31" → "31/12/2025", the way Vietnamese documents write dates. */
export function formatVnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** Excel's 1900 date system: serial → ISO day (time of day dropped), or null when out of range. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  // Excel counts a non-existent 29 Feb 1900; serials after it are one day ahead of the real calendar.
  const offset = days >= 61 ? days - 1 : days;
  if (days === 60) return null;
  const ms = Date.UTC(1899, 11, 31) + offset * 86_400_000;
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
