// Writes small "unseen-style" commune workbooks, from seed rows (shared/seeds 000–004, retyped), in layouts the
// recognizer was not built on, with a truth.json in the shared fixtures format. The truth is decided here from the
// rows' own data and the README's rules (a number against the judged year's target; counts out of totals as rates
// in % rows; binary targets against "Chưa triển khai"), never by running the engine.
// Run from the repo root: node tests/unseen/generate.js /tmp/unseen   then score with the shared scorer:
//   node bin/phuluc.js check /tmp/unseen/*.xlsx --json > /tmp/u.json && node <shared>/tools/score.js check /tmp/unseen/truth.json /tmp/u.json
/* global require, console, process */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const out = process.argv[2] || '/tmp/unseen';
fs.mkdirSync(out, { recursive: true });

/** A sheet writer: put(row, col, value[, fmt]), merge(r1, c1, r2, c2). */
function sheetWriter(ws) {
  return {
    put(r, c, v, fmt) {
      const cell = ws.getCell(r, c);
      cell.value = v;
      if (fmt) cell.numFmt = fmt;
    },
    merge(r1, c1, r2, c2) { ws.mergeCells(r1, c1, r2, c2); },
  };
}

const pct = (a, b) => Math.round((a / b) * 10000) / 100;
const truthRows = [];

// ─── A: roadmap, "Lộ trình thực hiện" over years typed as numbers, national header, % merged over a block ───
async function roadmap() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 2');
  const w = sheetWriter(ws);
  w.put(1, 1, 'ỦY BAN NHÂN DÂN'); w.merge(1, 1, 1, 4); w.put(1, 5, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'); w.merge(1, 5, 1, 12);
  w.put(2, 1, 'XÃ HÒA BÌNH'); w.merge(2, 1, 2, 4); w.put(2, 5, 'Độc lập - Tự do - Hạnh phúc'); w.merge(2, 5, 2, 12);
  w.put(3, 1, 'Số: 15/BC-UBND'); w.merge(3, 1, 3, 4); w.put(3, 5, 'Hòa Bình, ngày 10 tháng 12 năm 2026'); w.merge(3, 5, 3, 12);
  w.put(5, 2, 'BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ'); w.merge(5, 2, 5, 12);
  w.put(6, 2, '(Ban hành kèm theo Kế hoạch số 30/KH-UBND ngày 24 tháng 11 năm 2025 của UBND xã Hòa Bình)'); w.merge(6, 2, 6, 12);
  // Header rows 8–9, table from column B.
  const hdr = [['STT', 2], ['Chỉ tiêu', 3], ['ĐVT', 4]];
  for (const [t, c] of hdr) { w.put(8, c, t); w.merge(8, c, 9, c); }
  w.put(8, 5, 'Lộ trình thực hiện'); w.merge(8, 5, 8, 10);
  [2025, 2026, 2027, 2028, 2029, 2030].forEach((y, i) => w.put(9, 5 + i, y));
  w.put(8, 11, 'Kết quả thực hiện năm 2026'); w.merge(8, 11, 9, 11);
  w.put(8, 12, 'Đơn vị chủ trì'); w.merge(8, 12, 9, 12);
  const rows = [
    // name, milestones 2025..2030, result cell, truth
    ['Tỷ lệ truy cập băng rộng cố định > 1 Gbps/s', ['≥ 60%', '70%', '80%', '90%', '95%', '100%'], 68, { status: 'not_met', t: 70, a: 68 }],
    ['Tỷ lệ phủ sóng 5G trên địa bàn', ['≥ 60%', '70%', '80%', '90%', '95%', '100%'], 75, { status: 'met', t: 70, a: 75 }],
    ['Cán bộ, công chức làm chủ kỹ năng số', ['80%', '90%', '95%', '100%', '100%', '100%'], 90, { status: 'met', t: 90, a: 90 }],
    ['Dân số trưởng thành tiếp cận dịch vụ số', ['80%', '83%', '85%', '87%', '89%', '90%'], '1.247/1.484', { status: 'met', t: 83, a: pct(1247, 1484) }],
    ['Cơ sở giáo dục triển khai ký số sổ sách, học bạ số', ['≥ 90%', '95%', '98%', '100%', '100%', '100%'], '19/20 trường', { status: 'met', t: 95, a: 95 }],
    ['Tỷ lệ doanh nghiệp ứng dụng công nghệ số', ['20%', '27%', '32%', '36%', '38%', '≥ 40%'], 30, { status: 'met', t: 27, a: 30 }],
    ['Hồ sơ thủ tục hành chính xử lý trực tuyến', ['≥ 70%', '75%', '80%', '83%', '84%', '≥ 85%'], 112, { status: 'invalid', t: 75 }],
    ['Người dân có tài khoản định danh điện tử (VNeID)', ['≥ 70%', '75%', '80%', '83%', '84%', '≥ 85%'], '45/48 người', { status: 'met', t: 75, a: pct(45, 48) }],
    ['Tỷ lệ người dân sử dụng chữ ký số', ['(Chưa có chỉ tiêu 2025)', '4%', '6%', '8%', '9%', '10%'], 3.5, { status: 'not_met', t: 4, a: 3.5 }],
  ];
  let r = 10;
  w.put(r, 2, 'I'); w.put(r, 3, 'Hạ tầng và chuyển đổi số'); w.merge(r, 3, r, 12); r++;
  const first = r;
  rows.forEach(([name, ms, result, t], i) => {
    w.put(r, 2, i + 1); w.put(r, 3, name);
    ms.forEach((m, k) => w.put(r, 5 + k, m));
    w.put(r, 11, result);
    w.put(r, 12, i < 5 ? 'Phòng Văn hóa - Xã hội' : 'Trung tâm Phục vụ hành chính công');
    truthRows.push({ file: 'hoa-binh-lo-trinh.xlsx', sheet: 'Biểu 2', row: r, code: String(i + 1), status: t.status,
      target: { op: '>=', value: t.t }, ...(t.a !== undefined ? { actual: t.a } : {}) });
    r++;
  });
  w.put(first, 4, '%'); w.merge(first, 4, r - 1, 4);
  w.put(r, 2, 10); w.put(r, 3, 'Xây dựng hệ thống camera giám sát an ninh trật tự'); w.put(r, 4, 'Hệ thống');
  w.put(r, 6, 'Hoàn thành'); w.put(r, 11, 'Chưa triển khai'); w.put(r, 12, 'Công an xã');
  truthRows.push({ file: 'hoa-binh-lo-trinh.xlsx', sheet: 'Biểu 2', row: r, code: '10', status: 'not_met' });
  r += 2;
  w.put(r, 2, 'Ghi chú: Số liệu tính đến hết ngày 30/11/2026.'); r++;
  w.put(r, 2, 'Nơi nhận:'); w.put(r, 9, 'TM. ỦY BAN NHÂN DÂN'); r++;
  w.put(r, 2, '- UBND tỉnh;'); w.put(r, 9, 'CHỦ TỊCH'); r++;
  w.put(r, 2, '- Lưu: VT.'); r += 3;
  w.put(r, 9, 'Lê Văn Hùng');
  await wb.xlsx.writeFile(path.join(out, 'hoa-binh-lo-trinh.xlsx'));
  return { file: 'hoa-binh-lo-trinh.xlsx', commune: 'Hòa Bình', period: 2026, reportDate: '2026-12-10', nonIndicatorSheets: [] };
}

// ─── B: narrative first, "Năm 2026" over Kế hoạch | Thực hiện | Tỷ lệ %, partial header repeat, tasks, a schedule ───
async function report() {
  const file = 'bc-phuong-tien-12-2026.xlsx';
  const wb = new ExcelJS.Workbook();
  const nar = sheetWriter(wb.addWorksheet('Báo cáo'));
  [
    'ỦY BAN NHÂN DÂN XÃ PHƯỢNG TIẾN',
    'Phượng Tiến, ngày 05 tháng 12 năm 2026',
    'BÁO CÁO',
    'Kết quả thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị năm 2026',
    'UBND xã Phượng Tiến đã ban hành Kế hoạch số 39/KH-UBND ngày 30/01/2026 về triển khai thực hiện Nghị quyết số 57-NQ/TW trên địa bàn xã.',
    '- Đã tổ chức 04 lớp tập huấn kỹ năng số; 19/20 thôn có điểm truy cập Internet công cộng.',
  ].forEach((t, i) => nar.put(i + 1, 1, t));

  const ws = wb.addWorksheet('PL1');
  const w = sheetWriter(ws);
  w.put(1, 1, 'Phụ lục 01. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026'); w.merge(1, 1, 1, 7);
  w.put(2, 1, '(Kèm theo Báo cáo số 120/BC-UBND ngày 05/12/2026 của UBND xã Phượng Tiến)'); w.merge(2, 1, 2, 7);
  const header = (top, withNote) => {
    for (const [t, c] of [['TT', 1], ['Tên chỉ tiêu', 2], ['Đơn vị tính', 3]]) { w.put(top, c, t); w.merge(top, c, top + 1, c); }
    w.put(top, 4, 'Năm 2026'); w.merge(top, 4, top, withNote ? 6 : 5);
    w.put(top + 1, 4, 'Kế hoạch'); w.put(top + 1, 5, 'Thực hiện');
    if (withNote) { w.put(top + 1, 6, 'Tỷ lệ %'); w.put(top, 7, 'Ghi chú'); w.merge(top, 7, top + 1, 7); }
  };
  header(4, true);
  const rows = [
    ['Tỷ lệ phủ sóng 5G trên dân số', '%', '90', [0.925, '0.0%'], { status: 'met', t: 90, a: 92.5 }],
    ['Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến', '%', '100', '72,5', { status: 'not_met', t: 100, a: 72.5 }],
    ['Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính', '%', '≥ 80', 'Không phát sinh', { status: 'not_applicable', t: 80 }],
    null, // partial header repeat here
    ['Duy trì tỷ lệ hài lòng của người dân, doanh nghiệp', '%', '≥ 98%', 99, { status: 'met', t: 98, a: 99 }],
    ['Tỷ lệ thôn có điểm truy cập Internet công cộng', '%', '100', '19/20 thôn', { status: 'not_met', t: 100, a: 95 }],
    ['Tỷ lệ người dân có tài khoản định danh điện tử', '%', '85', null, { status: 'no_data', t: 85 }],
  ];
  let r = 6;
  let n = 0;
  for (const row of rows) {
    if (row === null) { r++; header(r, false); r += 2; continue; }
    const [name, unit, target, result, t] = row;
    n++;
    w.put(r, 1, `${n}.`); w.put(r, 2, name); w.put(r, 3, unit); w.put(r, 4, target);
    if (Array.isArray(result)) w.put(r, 5, result[0], result[1]); else if (result !== null) w.put(r, 5, result);
    if (t.a !== undefined) w.put(r, 6, Math.round((t.a / t.t) * 1000) / 10);
    truthRows.push({ file, sheet: 'PL1', row: r, code: String(n), status: t.status, target: { op: '>=', value: t.t }, ...(t.a !== undefined ? { actual: t.a } : {}) });
    r++;
  }
  r++;
  w.put(r, 1, '(*) Tỷ lệ tính trên tổng số hồ sơ phát sinh trong kỳ.'); r += 2;
  w.put(r, 2, 'NGƯỜI LẬP BIỂU'); w.put(r, 5, 'KT. CHỦ TỊCH'); r++;
  w.put(r, 5, 'PHÓ CHỦ TỊCH'); r += 3;
  w.put(r, 2, 'Nguyễn Thị Lan'); w.put(r, 5, 'Đỗ Minh Tuấn');

  const tw = sheetWriter(wb.addWorksheet('PL2'));
  tw.put(1, 1, 'Phụ lục 02. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ');
  ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian hoàn thành', 'Kết quả thực hiện'].forEach((h, i) => tw.put(3, i + 1, h));
  const tasks = [
    ['Triển khai phần mềm quản lý văn bản và điều hành', 'Văn phòng HĐND&UBND', 'Quý II/2026', 'Đã hoàn thành', 'done'],
    ['Xây dựng bản đồ số di tích trên địa bàn xã', 'Phòng Văn hóa - Xã hội', '30/6/2026', 'Chưa triển khai', 'overdue'],
    ['Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng', 'Phòng Văn hóa - Xã hội', 'Tháng 12/2026', 'Đang thực hiện', 'in_progress'],
    ['Số hóa sổ hộ tịch', 'Công chức Tư pháp - Hộ tịch', '2027', null, 'no_data'],
  ];
  tasks.forEach(([name, lead, due, res, status], i) => {
    const row = 4 + i;
    tw.put(row, 1, i + 1); tw.put(row, 2, name); tw.put(row, 3, lead); tw.put(row, 4, due);
    if (res) tw.put(row, 5, res);
    truthRows.push({ file, sheet: 'PL2', kind: 'tasks', row, code: String(i + 1), status });
  });

  const sw = sheetWriter(wb.addWorksheet('Lịch họp'));
  sw.put(1, 1, 'LỊCH LÀM VIỆC CỦA BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ');
  ['STT', 'Thời gian', 'Nội dung', 'Chủ trì', 'Thành phần'].forEach((h, i) => sw.put(3, i + 1, h));
  [['08/12/2026', 'Họp Ban chỉ đạo đánh giá kết quả năm 2026', 'Chủ tịch UBND xã', 'Thành viên Ban chỉ đạo'],
    ['15/12/2026', 'Rà soát nhiệm vụ chuyển đổi số năm 2027', 'Phó Chủ tịch UBND xã', 'Các phòng chuyên môn']]
    .forEach((row, i) => { sw.put(4 + i, 1, i + 1); row.forEach((v, k) => sw.put(4 + i, k + 2, v)); });
  const ew = sheetWriter(wb.addWorksheet('Thiết bị'));
  ew.put(1, 1, 'DANH MỤC TRANG THIẾT BỊ ĐƯỢC ĐẦU TƯ NĂM 2026');
  ['STT', 'Nội dung', 'Đơn vị', 'Số lượng', 'Kinh phí (triệu đồng)', 'Ghi chú'].forEach((h, i) => ew.put(3, i + 1, h));
  [['Máy tính để bàn', 'Bộ', 12, 180], ['Màn hình phòng họp trực tuyến', 'Chiếc', 2, 90], ['Thiết bị ký số', 'Chiếc', 25, 20]]
    .forEach((row, i) => { ew.put(4 + i, 1, i + 1); row.forEach((v, k) => ew.put(4 + i, k + 2, v)); });
  await wb.xlsx.writeFile(path.join(out, file));
  return { file, commune: 'Phượng Tiến', period: 2026, reportDate: '2026-12-05', nonIndicatorSheets: ['Lịch họp', 'Báo cáo', 'Thiết bị'] };
}

// ─── C: a plan copied with a result column appended; the plan's header repeated mid-table without it ───
async function appended() {
  const file = 'tan-cuong-ke-hoach-ket-qua.xlsx';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chỉ tiêu');
  const w = sheetWriter(ws);
  w.put(1, 1, 'PHỤ LỤC: CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030'); w.merge(1, 1, 1, 6);
  w.put(2, 1, '(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 20 tháng 11 năm 2025 của UBND xã Tân Cương)'); w.merge(2, 1, 2, 6);
  const plan = ['TT', 'Nội dung chỉ tiêu', 'Đơn vị', 'Chỉ tiêu đến năm 2030'];
  [...plan, 'Kết quả thực hiện năm 2026', 'Tự đánh giá'].forEach((h, i) => w.put(4, i + 1, h));
  w.put(5, 1, '1'); w.put(5, 2, 'Chỉ tiêu về chính quyền số');
  const rows = [
    ['1.1', 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp', '%', '> 80', 85, 'Đạt', { status: 'met', op: '>', t: 80, a: 85 }],
    ['1.2', 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình', '%', '90', 70, 'Chưa đạt', { status: 'at_risk', op: '>=', t: 90, a: 70 }],
    ['1.3', 'Tỷ lệ giao dịch không dùng tiền mặt', '%', '> 85', '45/48', 'Đạt', { status: 'met', op: '>', t: 85, a: pct(45, 48) }],
    null,
    ['1.4', 'Hoàn thành xây dựng xã thông minh', null, 'Hoàn thành', 'Chưa thực hiện', null, { status: 'not_met' }],
    ['1.5', 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử', '%', '>95', 96.2, 'Đạt', { status: 'met', op: '>', t: 95, a: 96.2 }],
  ];
  let r = 6;
  for (const row of rows) {
    if (row === null) { r++; plan.forEach((h, i) => w.put(r, i + 1, h)); r++; continue; }
    const [code, name, unit, target, result, ev, t] = row;
    w.put(r, 1, code); w.put(r, 2, name); if (unit) w.put(r, 3, unit); w.put(r, 4, target); w.put(r, 5, result); if (ev) w.put(r, 6, ev);
    truthRows.push({ file, sheet: 'Chỉ tiêu', row: r, code, status: t.status, ...(t.t !== undefined ? { target: { op: t.op, value: t.t } } : {}), ...(t.a !== undefined ? { actual: t.a } : {}) });
    r++;
  }
  r++;
  w.put(r, 1, 'Ghi chú: Chỉ tiêu 1.4 thực hiện khi được tỉnh lựa chọn thí điểm.'); r += 2;
  w.put(r, 4, 'TM. ỦY BAN NHÂN DÂN'); r++;
  w.put(r, 4, 'CHỦ TỊCH'); r += 3;
  w.put(r, 4, 'Hoàng Văn Nam');
  await wb.xlsx.writeFile(path.join(out, file));
  return { file, commune: 'Tân Cương', period: 2026, reportDate: null, nonIndicatorSheets: [] };
}

// ─── D: merged evaluations, fractions and typed percents, bullets and letter codes, a full header repeat; E: tasks
//     with "Thời gian thực hiện" over "Bắt đầu | Kết thúc" ───
async function ward() {
  const file = 'quang-trung-bao-cao-11-2026.xlsx';
  const wb = new ExcelJS.Workbook();
  const w = sheetWriter(wb.addWorksheet('Phụ lục 1'));
  w.put(1, 1, 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026'); w.merge(1, 1, 1, 7);
  w.put(2, 1, '(Kèm theo Báo cáo số 88/BC-UBND ngày 28/11/2026 của Ủy ban nhân dân phường Quang Trung)'); w.merge(2, 1, 2, 7);
  const header = r => ['STT', 'Nội dung', 'ĐVT', 'Chỉ tiêu năm 2026', 'Ước thực hiện năm 2026', 'Đánh giá', 'Cơ quan chủ trì'].forEach((h, i) => w.put(r, i + 1, h));
  header(4);
  let r = 5;
  const add = (code, name, unit, target, result, ev, truth) => {
    if (code !== null) w.put(r, 1, code);
    w.put(r, 2, name); if (unit) w.put(r, 3, unit); if (target !== null) w.put(r, 4, target);
    if (Array.isArray(result)) w.put(r, 5, result[0], result[1]); else if (result !== null) w.put(r, 5, result);
    if (ev) w.put(r, 6, ev);
    w.put(r, 7, 'Phòng Văn hóa - Xã hội');
    if (truth) truthRows.push({ file, sheet: 'Phụ lục 1', row: r, code: String(code ?? '').replace(/[.)]$/, ''), ...truth });
    return r++;
  };
  add('I', 'CHÍNH QUYỀN SỐ', null, null, null, null, null);
  const a = add('1', 'Tỷ lệ văn bản đi được ký số', '%', '≥ 95%', [0.97, '0.0%'], 'Đạt', { status: 'met', target: { op: '>=', value: 95 }, actual: 97 });
  add('2', 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', '%', '100%', [1, '0%'], null, { status: 'met', target: { op: '>=', value: 100 }, actual: 100 });
  w.merge(a, 6, a + 1, 6);
  add('3', 'Số thủ tục hành chính được cung cấp trực tuyến toàn trình', 'Thủ tục', '120', 'Chưa có số liệu', null, { status: 'no_data', target: { op: '>=', value: 120 } });
  add('II', 'KINH TẾ SỐ', null, null, null, null, null);
  add('-', 'Số hộ kinh doanh sử dụng thanh toán không dùng tiền mặt', 'Hộ', '≥ 300', 280, 'Chưa đạt', { status: 'not_met', target: { op: '>=', value: 300 }, actual: 280 });
  add('a)', 'Tỷ lệ sản phẩm OCOP được bán trên sàn thương mại điện tử', '%', '100%', '12/15 sản phẩm', 'Khó đạt', { status: 'not_met', target: { op: '>=', value: 100 }, actual: 80 });
  add('b)', 'Doanh thu bán hàng qua thương mại điện tử', 'Triệu đồng', 'Tăng 10% so với năm 2025', 1500, null, { status: 'manual', actual: 1500 });
  add(null, 'Tổng cộng', null, null, null, null, null);
  r++;
  header(r); r++;
  add('III', 'XÃ HỘI SỐ', null, null, null, null, null);
  add('4', 'Tỷ lệ hộ gia đình có đường Internet cáp quang', '%', '≥ 85%', [0.9, '0%'], 'Đạt', { status: 'met', target: { op: '>=', value: 85 }, actual: 90 });
  add('5', 'Tỷ lệ người dân trưởng thành có điện thoại thông minh', '%', '90%', '88,5%', 'Chưa đạt', { status: 'not_met', target: { op: '>=', value: 90 }, actual: 88.5 });
  add('6', 'Tỷ lệ thôn, tổ dân phố có tổ công nghệ số cộng đồng', '%', '100%', 'Hoàn thành', 'Đạt', { status: 'met', target: { op: '>=', value: 100 } });
  r++;
  w.put(r, 2, 'Người tổng hợp'); w.put(r, 5, 'KT. CHỦ TỊCH'); r++;
  w.put(r, 5, 'PHÓ CHỦ TỊCH'); r += 3;
  w.put(r, 2, 'Vũ Thị Mai'); w.put(r, 5, 'Phạm Quốc Khánh');

  const t = sheetWriter(wb.addWorksheet('Phụ lục 2'));
  t.put(1, 1, 'TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ');
  for (const [h, c] of [['STT', 1], ['Nhiệm vụ', 2], ['Cơ quan chủ trì', 3], ['Cơ quan phối hợp', 4], ['Kết quả thực hiện đến 30/11/2026', 7]]) { t.put(3, c, h); t.merge(3, c, 4, c); }
  t.put(3, 5, 'Thời gian thực hiện'); t.merge(3, 5, 3, 6); t.put(4, 5, 'Bắt đầu'); t.put(4, 6, 'Kết thúc');
  [
    ['Triển khai nền tảng họp trực tuyến đến các tổ dân phố', '01/2026', '6/2026', 'Đã hoàn thành', 'done'],
    ['Số hóa dữ liệu đất đai trên địa bàn phường', '3/2026', '9/2026', 'Đang thực hiện, đạt 60%', 'overdue'],
    ['Xây dựng kho dữ liệu dùng chung của phường', '6/2026', '12/2026', 'Chưa triển khai', 'not_started'],
    ['Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh', 'Hàng năm', 'Thường xuyên', 'Đã thực hiện thường xuyên', 'done'],
  ].forEach(([name, from, to, res, status], i) => {
    const row = 5 + i;
    t.put(row, 1, i + 1); t.put(row, 2, name); t.put(row, 3, 'Phòng Văn hóa - Xã hội'); t.put(row, 4, 'Các tổ dân phố');
    t.put(row, 5, from); t.put(row, 6, to); t.put(row, 7, res);
    truthRows.push({ file, sheet: 'Phụ lục 2', kind: 'tasks', row, code: String(i + 1), status });
  });
  await wb.xlsx.writeFile(path.join(out, file));
  return { file, commune: 'Quang Trung', period: 2026, reportDate: '2026-11-28', nonIndicatorSheets: [] };
}

(async () => {
  const books = [await roadmap(), await report(), await appended(), await ward()];
  const workbooks = books.map(b => {
    const mine = truthRows.filter(t => t.file === b.file);
    const sheets = [...new Set(mine.map(t => t.sheet))].map(sheet => {
      const kinds = [...new Set(mine.filter(t => t.sheet === sheet).map(t => t.kind || 'indicators'))];
      return { sheet, tables: kinds.map(kind => ({ kind, headerRow: 0, firstColumn: 0,
        rows: mine.filter(t => t.sheet === sheet && (t.kind || 'indicators') === kind).map(({ file: _f, sheet: _s, kind: _k, ...row }) => row) })) };
    });
    return { ...b, sheets };
  });
  fs.writeFileSync(path.join(out, 'truth.json'), JSON.stringify({ workbooks, province: [] }, null, 1));
  console.log(`wrote ${books.length} workbooks and truth.json to ${out}`);
})();
