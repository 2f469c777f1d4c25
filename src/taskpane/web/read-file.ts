import type { ReadBytes } from '../worker/queue';

/** Reads a file with progress events (which Blob.arrayBuffer() does not give); aborting stops the read. */
export const readWithProgress: ReadBytes = (blob, onProgress, signal) => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onprogress = e => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
  reader.onload = () => { onProgress(1); resolve(reader.result as ArrayBuffer); };
  reader.onerror = () => reject(reader.error ?? new Error('read failed'));
  reader.onabort = () => reject(new Error('aborted'));
  signal.addEventListener('abort', () => reader.abort(), { once: true });
  reader.readAsArrayBuffer(blob);
});
