/**
 * @jest-environment jsdom
 */
import fc from 'fast-check';
import { noticeFromSearch, noticeUrl, renderNotice, showNotice, type DialogUi } from '../../src/commands/notice';
import { commandLanguage } from '../../src/commands/strings';

describe('notification dialog', () => {
  it('round-trips the message through the dialog URL, markup included', () => {
    const message = 'Đã tô màu 12 dòng trên trang "PL <b>1</b>" & xong?';
    const url = noticeUrl('https://localhost:3000/commands.html?_host_Info=Excel#x', message, 'vi');
    expect(url.startsWith('https://localhost:3000/commands.html?notice=')).toBe(true);
    expect(noticeFromSearch(new URL(url).search)).toEqual({ message, lang: 'vi' });
    expect(noticeFromSearch('?_host_Info=Excel')).toBeNull();
  });

  it('reads any query string without throwing, and round-trips any message (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), q => {
      const n = noticeFromSearch(q);
      expect(n === null || (typeof n.message === 'string' && (n.lang === 'vi' || n.lang === 'en'))).toBe(true);
    }));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('vi' as const, 'en' as const), (message, lang) => {
      expect(noticeFromSearch(new URL(noticeUrl('https://localhost:3000/commands.html', message, lang)).search)).toEqual({ message, lang });
    }));
  });

  it('renders the message as text with a close button', () => {
    const onClose = jest.fn();
    renderNotice(document, { message: '<img src=x onerror=alert(1)> 3 Đạt', lang: 'en' }, onClose);
    const status = document.querySelector('[role="status"]');
    expect(status?.textContent).toBe('<img src=x onerror=alert(1)> 3 Đạt');
    expect(document.querySelector('img')).toBeNull();
    const button = document.querySelector('button');
    expect(button?.textContent).toBe('Close');
    button?.click();
    expect(onClose).toHaveBeenCalled();
    expect(document.documentElement.lang).toBe('en');
  });

  it('opens a dialog, closes it after the delay, and resolves also when Office refuses the dialog', async () => {
    jest.useFakeTimers();
    const close = jest.fn();
    const opened: string[] = [];
    const ui: DialogUi = {
      displayDialogAsync(url, _options, cb) {
        opened.push(url);
        cb({ status: 'succeeded', value: { close, addEventHandler: () => undefined } } as unknown as Office.AsyncResult<Office.Dialog>);
      },
    };
    const done = showNotice(ui, 'https://localhost:3000/commands.html', 'Xong', 'vi', 3000);
    jest.advanceTimersByTime(3000);
    await done;
    expect(opened).toHaveLength(1);
    expect(close).toHaveBeenCalled();
    const refusing: DialogUi = { displayDialogAsync: (_u, _o, cb) => cb({ status: 'failed', value: undefined } as unknown as Office.AsyncResult<Office.Dialog>) };
    await showNotice(refusing, 'https://localhost:3000/commands.html', 'Xong', 'vi');
    const silent: DialogUi = { displayDialogAsync: () => undefined };
    const pending = showNotice(silent, 'https://localhost:3000/commands.html', 'Xong', 'vi', 1000);
    jest.advanceTimersByTime(6000);
    await pending;
    await showNotice(undefined, 'x', 'y', 'vi');
    jest.useRealTimers();
  });

  it('speaks English only to an English Office', () => {
    expect(commandLanguage('en-US')).toBe('en');
    expect(commandLanguage('vi-VN')).toBe('vi');
    expect(commandLanguage('fr-FR')).toBe('vi');
    expect(commandLanguage(undefined)).toBe('vi');
  });
});
