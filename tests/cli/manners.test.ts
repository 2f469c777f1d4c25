/** How the command behaves when used wrongly: usage, exit codes, messages in Vietnamese with English, stderr. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURES } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';

jest.setTimeout(60_000);

async function run(args: string[]) {
  const io = captureIo();
  await main(args, io);
  return { code: io.code(), out: io.stdout(), err: io.stderr() };
}

describe('CLI manners', () => {
  it('no arguments: usage, in both languages, and exit code 1', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('Cách dùng / Usage: phuluc');
    expect(r.out + r.err).toContain('Lệnh / Commands:');
  });

  it('--help is not an error', async () => {
    const r = await run(['rollup', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tùy chọn / Options:');
    expect(r.out).toContain('--previous');
  });

  it('a command without its paths: a Vietnamese message with commander\'s English, exit 1', async () => {
    const r = await run(['rollup']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("lỗi: thiếu đối số bắt buộc 'paths'");
    expect(r.err).toContain("error: missing required argument 'paths'");
  });

  it('an unknown option or command is named in both languages', async () => {
    const opt = await run(['check', 'x.xlsx', '--bogus']);
    expect(opt.code).toBe(1);
    expect(opt.err).toContain("lỗi: không có tùy chọn '--bogus'");
    const cmd = await run(['rolup', 'x']);
    expect(cmd.code).toBe(1);
    expect(cmd.err).toContain("lỗi: không có lệnh 'rolup'");
  });

  it('--period 1800 says the year is out of range', async () => {
    const r = await run(['check', path.join(FIXTURES, 'province-2026-04'), '--period', '1800']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('năm 1800 ngoài khoảng 2000–2100');
    expect(r.err).toContain('year out of range');
    const bad = await run(['check', 'x', '--period', '26']);
    expect(bad.err).toContain('năm phải có dạng YYYY');
  });

  it('a folder with no workbook: a clear message, exit 2, and no workbook written', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-empty-'));
    await fs.writeFile(path.join(dir, 'ghi-chu.txt'), 'không phải sổ tính');
    const out = path.join(dir, 'tong-hop.xlsx');
    const r = await run(['rollup', dir, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không tìm thấy sổ tính .xlsx nào');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('per-file errors go to stderr, the report to stdout', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-bad-'));
    await fs.copyFile(path.join(FIXTURES, 'province-2026-04', 'bao-cao-t4-2026-dai_tu.xlsx'), path.join(dir, 'dai_tu.xlsx'));
    await fs.writeFile(path.join(dir, 'Bao cao hong.xlsx'), 'not a zip');
    for (const cmd of ['check', 'audit']) {
      const r = await run([cmd, dir]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Bao cao hong\.xlsx(: |\n {2}✗ )/);
      // The reason is on stderr only (audit's summary may still name the file, pointing to stderr).
      expect(r.out).not.toContain('CSV');
      expect(r.out).toContain('dai_tu.xlsx');
    }
    const roll = await run(['rollup', dir, '--json']);
    expect(roll.code).toBe(2);
    expect(roll.err).toContain('Bao cao hong.xlsx: ');
    expect(() => JSON.parse(roll.out) as unknown).not.toThrow();
  });
});
