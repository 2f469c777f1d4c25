/**
 * Is a word a plausible Vietnamese syllable? Used to weigh which encoding reading of a text makes sense:
 * a wrong reading yields letters that no syllable has ("Tû"), impossible vowel runs ("Vieọt") or a tone on the
 * wrong vowel ("leọ"). Plausible, not exact: foreign and misspelt words may pass or fail either way.
 */

import { LETTER_INFO, type Tone } from './alphabet';

/** Vowel runs that can be followed by a final consonant, longest first. */
const CLOSABLE = ['uyê', 'iê', 'yê', 'oa', 'oă', 'oe', 'oo', 'uâ', 'uê', 'uô', 'ươ', 'uy', 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Vowel runs that end the syllable. */
const OPEN = [
  'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'uơ', 'ưa', 'ưi', 'ưu',
];
const ONSET = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]';
const CODA = 'ch|nh|ng|[cmnpt]';
const SYLLABLE = new RegExp(`^(${ONSET})?(?:(${CLOSABLE.join('|')})(${CODA})?|(${OPEN.join('|')}))$`);

/** Open two-vowel runs that take the tone on either vowel (hòa/hoà, thủy/thuỷ). */
const EITHER = new Set(['oa', 'oe', 'uy']);
/** Open two-vowel runs whose second, marked vowel takes the tone (thuế, thuở). */
const SECOND = new Set(['uê', 'uơ']);

/** Where the tone may sit in a vowel run, as indexes into the run. */
function toneSlots(run: string, closed: boolean): readonly number[] {
  if (run.length === 1) return [0];
  if (run.length === 3) return run === 'uyê' ? [2] : [1];
  if (closed) return [1];
  if (EITHER.has(run)) return [0, 1];
  if (SECOND.has(run)) return [1];
  return [0];
}

/**
 * True when `word` (letters only, NFC) reads as one Vietnamese syllable, written in lower case, upper case or
 * capitalised. A capital inside a lower-case word ("phÊn", "lƯ") is what a wrong reading of legacy bytes looks like.
 */
export function isVietnameseSyllable(word: string): boolean {
  let bare = '';
  let tone: Tone = 0;
  let tonePos = -1;
  let capitals = 0;
  let lowerSeen = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i);
    const c = word.charCodeAt(i);
    let upper: boolean;
    if (c < 0x80) {
      upper = c >= 0x41 && c <= 0x5a;
      const lower = upper ? String.fromCharCode(c + 32) : ch;
      if (!(lower >= 'a' && lower <= 'z')) return false;
      bare += lower;
    } else {
      const info = LETTER_INFO.get(ch);
      if (info === undefined) return false;
      upper = info.upper;
      if (info.tone !== 0) {
        if (tone !== 0) return false; // two tones
        tone = info.tone;
        tonePos = i;
      }
      bare += info.base;
    }
    if (upper) {
      if (lowerSeen) return false; // a capital after a small letter
      capitals++;
    } else {
      if (capitals > 1) return false; // small letter after two capitals
      lowerSeen = true;
    }
  }
  const m = SYLLABLE.exec(bare);
  if (m === null) return false;
  if (tone === 0) return true;
  const onset = m[1] ?? '';
  const run = m[2] ?? m[4] ?? '';
  const slot = tonePos - onset.length;
  return toneSlots(run, m[3] !== undefined).includes(slot);
}

/**
 * Very frequent syllables of written Vietnamese (function words and common administrative vocabulary). A reading
 * that yields one of them is much likelier to be the right one: short legacy texts often read as *some* syllable
 * in both TCVN3 and VNI ("Cô" is "Cụ" in TCVN3, "Cơ" in VNI), but rarely as a frequent one in the wrong encoding.
 */
const COMMON = new Set(
  (
    'của và các là có được cho trong người không những một với đã này theo về để thực hiện xã tỷ tỉ lệ số năm ' +
    'trên đến chỉ tiêu đạt kết quả công nghệ chuyển đổi dân ủy uỷ ban nhân tỉnh huyện hành chính dịch vụ kế hoạch ' +
    'báo cáo ngày tháng việc quản lý phát triển kinh tế hội văn hóa hoá giáo dục y học khoa nghiên cứu sản xuất đơn ' +
    'vị tổ chức cơ quan nhà nước thông tin điện tử trực tuyến mạng cấp hồ sơ thủ tục đầu tư nông thôn mới tăng cường ' +
    'đảm bảo khai nhiệm đồng thời tại từ đó sẽ cũng nhiều như vì nếu khi thì mà đi ra vào lên hơn trước sau giữa ' +
    'nào gì ai đây rồi còn chưa đang vẫn nữa rất lại bị do nên hay hoặc tất cả mỗi toàn bộ phần trăm đường điều ' +
    'kiện chương trình dự án tham gia trường hợp cán chủ tịch phó trưởng phòng thị trấn phường xóm bản làng ' +
    'mục lục phụ chú ghi tên đánh giá tiến độ thành phố nội dung thiết lập sử dụng hệ dữ liệu số hóa tài khoản ' +
    'định danh doanh nghiệp lực lượng hạ tầng đạo điều hành ứng kỹ năng trực tiếp nguồn vốn kinh phí thu chi lưu ý hộ gia đình phúc'
  ).split(' '),
);

/** 2 for a frequent syllable, 1 for any other plausible syllable, 0 for a word that is not one. */
export function syllableWeight(word: string): 0 | 1 | 2 {
  if (!isVietnameseSyllable(word)) return 0;
  return COMMON.has(word.toLowerCase()) ? 2 : 1;
}
