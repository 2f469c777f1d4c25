import zlib from 'node:zlib';
import type { SegmentDeflate } from './write';

/** Node's own zlib (native) instead of fflate's deflate in JavaScript; crc32 is native from Node 20.15. */
export const nodeDeflate: SegmentDeflate | undefined = typeof zlib.crc32 === 'function' ? {
  deflate: (chunk, final) => zlib.deflateRawSync(chunk, { level: 1, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
  crc32: (chunk, crc) => zlib.crc32(chunk, crc),
} : undefined;
