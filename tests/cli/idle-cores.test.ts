/**
 * How the CLI tells whether a core is free for the pool (src/cli/pool.ts): the kernel's counters over a window, with
 * this process's own CPU time counted as idle, so the window may be one in which the CLI itself was working.
 */
import fc from 'fast-check';
import { defaultJobs, idleBesides, MIN_FILES_FOR_DEFAULT_POOL } from '../../src/cli/pool';

const at = (idle: number, total: number) => ({ idle, total });

describe('idleBesides', () => {
  it('reads a quiet machine as all cores idle, whatever this process did', () => {
    // 2 cores over 200 ms (400 ms of counters): this process ran 150 ms, nothing else ran.
    expect(idleBesides(at(0, 0), at(250, 400), 150, 2)).toBeCloseTo(2);
  });

  it('reads another process spinning on one core as one core taken', () => {
    // The other process ran 200 ms of the 400, this one 100 ms.
    expect(idleBesides(at(0, 0), at(100, 400), 100, 2)).toBeCloseTo(1);
  });

  it('reads a saturated machine as no core idle', () => {
    expect(idleBesides(at(0, 0), at(0, 400), 0, 2)).toBe(0);
  });

  it('answers 0 for a window with no time in it (counters that did not move)', () => {
    expect(idleBesides(at(5, 100), at(5, 100), 0, 2)).toBe(0);
  });

  it('stays within 0 … cores, whatever the counters and the own time (clock granularity, accounting slips)', () => {
    fc.assert(fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), fc.nat(20_000), fc.integer({ min: 1, max: 64 }),
      (idle, busy, before, own, cores) => {
        const x = idleBesides(at(before, before), at(before + idle, before + idle + busy), own, cores);
        return x >= 0 && x <= cores;
      }));
  });
});

describe('defaultJobs', () => {
  it('keeps small inputs in one thread without watching the CPUs', async () => {
    expect(await defaultJobs(MIN_FILES_FOR_DEFAULT_POOL - 1)).toBe(1);
  });
});
