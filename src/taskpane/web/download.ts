const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands bytes to the browser as a file download (Blob + <a download>), then releases the object URL. */
export function downloadBytes(bytes: ArrayBuffer | Uint8Array | string, fileName: string, type = XLSX_TYPE): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers start the download asynchronously; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "bao-cao.xlsx" → "bao-cao-to-mau.xlsx". */
export function derivedName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.xlsx$/i, '') || 'so-tinh';
  return `${base}-${suffix}.xlsx`;
}
