#!/usr/bin/env node
/**
 * npm start: serves the add-in on https://localhost:3000 and sideloads it where it can.
 *
 * Certificates: office-addin-dev-certs (trusted localhost certificates) when `npx --no-install` finds it, or
 * certificates it installed earlier; otherwise webpack-dev-server's own self-signed certificate. Sideloading:
 * office-addin-debugging on Windows/macOS when present, else the documented manual ways; on Linux (no desktop
 * Excel) it prints how to upload manifest.xml to Excel on the web. Missing certificates or a missing Excel are
 * never fatal: the server keeps serving. Only a server that cannot start at all (port taken) ends the process.
 *
 * Options: --no-sideload, --no-dev-certs (also PHULUC_NO_DEV_CERTS=1).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000';
const args = new Set(process.argv.slice(2));
const isWindows = process.platform === 'win32';

const say = msg => process.stdout.write(`${msg}\n`);
const warn = msg => process.stderr.write(`${msg}\n`);

/** Runs `npx --no-install <tool> …`; never throws. */
function npxNoInstall(tool, toolArgs, timeoutMs) {
  try {
    const r = spawnSync(isWindows ? 'npx.cmd' : 'npx', ['--no-install', tool, ...toolArgs], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, encoding: 'utf8', shell: isWindows,
    });
    return { ok: r.status === 0, output: `${r.stdout || ''}${r.stderr || ''}`.trim() };
  } catch (e) {
    return { ok: false, output: String(e && e.message) };
  }
}

function readCerts(dir) {
  const file = name => path.join(dir, name);
  if (!['localhost.key', 'localhost.crt'].every(n => fs.existsSync(file(n)))) return null;
  try {
    return {
      key: fs.readFileSync(file('localhost.key')),
      cert: fs.readFileSync(file('localhost.crt')),
      ...(fs.existsSync(file('ca.crt')) ? { ca: fs.readFileSync(file('ca.crt')) } : {}),
    };
  } catch {
    return null;
  }
}

/** Runs `npx --no-install <tool> …` without blocking the server; resolves, never rejects. */
function npxNoInstallAsync(tool, toolArgs, timeoutMs) {
  return new Promise(resolve => {
    let output = '';
    let child;
    try {
      child = spawn(isWindows ? 'npx.cmd' : 'npx', ['--no-install', tool, ...toolArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: isWindows });
    } catch (e) {
      resolve({ ok: false, output: String(e && e.message) });
      return;
    }
    const timer = setTimeout(() => { child.kill(); resolve({ ok: false, output: `${output}\n(timed out)` }); }, timeoutMs);
    child.stdout.on('data', d => { output += d; });
    child.stderr.on('data', d => { output += d; });
    child.on('error', e => { clearTimeout(timer); resolve({ ok: false, output: String(e.message) }); });
    child.on('close', code => { clearTimeout(timer); resolve({ ok: code === 0, output: output.trim() }); });
  });
}

/** Trusted dev certificates where possible, else the dev server's self-signed one. */
function chooseServer() {
  const certDir = path.join(os.homedir(), '.office-addin-dev-certs');
  if (args.has('--no-dev-certs') || process.env.PHULUC_NO_DEV_CERTS === '1') {
    return { server: 'https', trusted: false, why: 'dev certificates turned off' };
  }
  const install = npxNoInstall('office-addin-dev-certs', ['install'], 120000);
  const certs = readCerts(certDir);
  if (certs) {
    return { server: { type: 'https', options: certs }, trusted: true, why: install.ok ? 'office-addin-dev-certs' : `certificates found in ${certDir}` };
  }
  return { server: 'https', trusted: false, why: install.ok ? 'office-addin-dev-certs gave no certificates' : 'office-addin-dev-certs is not installed' };
}

function desktopExcel() {
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (isWindows) {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    return roots.some(r => ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE'].some(p => fs.existsSync(path.join(r, p))));
  }
  return false;
}

function webInstructions(trusted) {
  say('');
  say('Excel trên web / Excel on the web:');
  if (!trusted) {
    say(`  0. Open ${ORIGIN}/taskpane.html in the same browser once and accept the self-signed certificate`);
    say('     (Mở địa chỉ trên một lần và chấp nhận chứng chỉ tự ký, nếu không Excel không tải được ngăn).');
  }
  say('  1. Open a workbook at https://www.office.com (Excel), or your OneDrive/SharePoint.');
  say('  2. Home → Add-ins → More add-ins (Trang đầu → Phần bổ trợ → Thêm phần bổ trợ).');
  say('  3. My add-ins → Upload my add-in (Tải lên phần bổ trợ của tôi) → choose:');
  say(`     ${MANIFEST}`);
  say('  4. The "Phụ lục 57" group appears on the Home tab: Kiểm tra chỉ tiêu · Tô màu nhanh · Tổng hợp.');
  say('  (Ctrl+C stops the server. Đóng máy chủ bằng Ctrl+C.)');
}

/** Sideloads into desktop Excel where that exists; never rejects. */
async function sideload() {
  if (args.has('--no-sideload')) return;
  if (!desktopExcel()) {
    say(`\nNo desktop Excel on this machine (${process.platform}): sideload into Excel on the web instead.`);
    return;
  }
  // Our server already listens on 3000, so office-addin-debugging only registers the manifest and opens Excel.
  const tool = await npxNoInstallAsync('office-addin-debugging', ['start', MANIFEST, 'desktop', '--dev-server-port', '3000'], 180000);
  if (tool.ok) {
    say('\nSideloaded with office-addin-debugging: Excel opens with the add-in.');
    return;
  }
  if (process.platform === 'darwin') {
    // Excel for Mac loads developer manifests from this folder.
    const wef = path.join(os.homedir(), 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
    try {
      fs.mkdirSync(wef, { recursive: true });
      fs.copyFileSync(MANIFEST, path.join(wef, 'phuluc57.manifest.xml'));
      say(`\nCopied manifest.xml to ${wef}. Restart Excel, then Home → Add-ins (or Insert → My Add-ins) → Phụ lục 57.`);
      return;
    } catch (e) {
      warn(`Could not copy the manifest for Excel for Mac: ${e.message}`);
    }
  }
  if (isWindows) {
    say('\nTo sideload into Excel for Windows without office-addin-debugging:');
    say('  share a folder holding manifest.xml, add its \\\\computer\\share path under File → Options → Trust Center →');
    say('  Trust Center Settings → Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel, then');
    say('  Home → Add-ins → Advanced → Shared Folder → Phụ lục 57.');
  }
}

async function main() {
  let webpack;
  let WebpackDevServer;
  try {
    webpack = require('webpack');
    WebpackDevServer = require('webpack-dev-server');
  } catch (e) {
    warn(`webpack or webpack-dev-server is missing (${e.message}): run "npm install".`);
    process.exit(1);
  }
  const { server, trusted, why } = chooseServer();
  say(trusted ? `HTTPS with trusted localhost certificates (${why}).` : `HTTPS with a self-signed certificate (${why}).`);
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'development' });
  const compiler = webpack(config);
  const devServer = new WebpackDevServer({ ...config.devServer, server }, compiler);
  try {
    await devServer.start();
  } catch (e) {
    warn(`The dev server could not start on ${ORIGIN}: ${e.message}`);
    if (e.code === 'EADDRINUSE') warn('Port 3000 is taken (the manifest points at it): stop the other server and run npm start again.');
    process.exit(1);
  }
  say(`\nServing ${ORIGIN}/taskpane.html and ${ORIGIN}/commands.html (manifest: ${ORIGIN}/manifest.xml).`);
  try {
    await sideload();
  } catch (e) {
    warn(`Sideloading failed (${e.message}); the server keeps running.`);
  }
  webInstructions(trusted);
  const stop = () => {
    devServer.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(e => {
  warn(`npm start: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
