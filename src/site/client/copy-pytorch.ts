/**
 * "Copy as PyTorch" (the control `copyPytorchControl` writes into a page, src/site/copy-pytorch.ts):
 * the network's PyTorch file to the clipboard, with "Copied" on the button and in the status line.
 * Where the browser refuses the clipboard (no permission, an insecure page, an old browser), the
 * code is shown in a read-only text area, selected for Ctrl/⌘+C, with a link that downloads it as
 * `<name>.py`. Where the network cannot be exported, the status says why and nothing is copied.
 */
import type { PytorchResult } from './pytorch-code.js';

const zh = (document.documentElement.lang || 'en').toLowerCase().startsWith('zh');
const t = (en: string, cn: string): string => (zh ? cn : en);

/** How long the button says "Copied". */
const CONFIRM_MS = 2500;

/**
 * Put `code` on the clipboard. The write starts inside the click (a ClipboardItem takes the text as
 * a promise), so browsers that allow it only during the gesture (Safari) still do; writeText is
 * the fallback where ClipboardItem is missing or refuses.
 */
async function toClipboard(code: Promise<string>): Promise<void> {
  const clip = navigator.clipboard;
  if (!clip) throw new Error('no clipboard API');
  if (typeof ClipboardItem !== 'undefined' && typeof clip.write === 'function') {
    try {
      const blob = code.then((c) => new Blob([c], { type: 'text/plain' }));
      // ClipboardItem handles the promise only after its own checks: until then a refusal would be an
      // unhandled rejection (an error in the console, seen once in CI), so it is marked handled here.
      blob.catch(() => {});
      await clip.write([new ClipboardItem({ 'text/plain': blob })]);
      return;
    } catch {
      /* try writeText below */
    }
  }
  await clip.writeText(await code);
}

/**
 * Wire one control: `source()` gives the code or the refusal (it may load the export code first);
 * `filename()` names the download.
 */
export function wireCopyPytorch(control: HTMLElement, source: () => Promise<PytorchResult>, filename: () => string): void {
  const button = control.querySelector<HTMLButtonElement>('[data-copy-button]');
  const status = control.querySelector<HTMLElement>('[data-copy-status]');
  const fallback = control.querySelector<HTMLElement>('[data-copy-fallback]');
  const area = control.querySelector<HTMLTextAreaElement>('[data-copy-text]');
  const download = control.querySelector<HTMLAnchorElement>('[data-copy-download]');
  if (!button || !status || !fallback || !area || !download) throw new Error('copy-pytorch: the control lacks its button, status, fallback, text area or download link');
  const label = button.textContent ?? '';
  control.hidden = false;
  let reset: ReturnType<typeof setTimeout> | undefined;
  let blobUrl: string | null = null;

  const say = (message: string, refused = false) => {
    status.textContent = message;
    status.classList.toggle('copy-refused', refused);
  };

  button.addEventListener('click', () => {
    clearTimeout(reset);
    button.textContent = label;
    fallback.hidden = true;
    say('');
    const result = source();
    const code = result.then((r) => ('code' in r ? r.code : Promise.reject(new RefusedError(r.refused))));
    code.catch(() => {}); // handled below; the clipboard may not even ask for it
    toClipboard(code).then(
      async () => {
        const c = await code;
        button.textContent = t('Copied ✓', '已复制 ✓');
        say(t(`Copied the PyTorch code (${lines(c)} lines) to the clipboard.`, `已把 PyTorch 代码（${lines(c)} 行）复制到剪贴板。`));
        reset = setTimeout(() => (button.textContent = label), CONFIRM_MS);
      },
      async () => {
        let c: string;
        try {
          c = await code;
        } catch (e) {
          if (e instanceof RefusedError) return say(e.message, true);
          return say(t(`The PyTorch code could not be written: ${String(e)}`, `无法生成 PyTorch 代码：${String(e)}`), true);
        }
        // The clipboard was refused: the code to copy by hand, or to download.
        area.value = c;
        if (blobUrl) URL.revokeObjectURL(blobUrl);
        blobUrl = URL.createObjectURL(new Blob([c], { type: 'text/x-python' }));
        download.href = blobUrl;
        download.download = filename();
        download.textContent = t(`Download ${filename()}`, `下载 ${filename()}`);
        fallback.hidden = false;
        area.focus();
        area.select();
        say(t('The browser did not allow copying: the code is selected below, press Ctrl+C (⌘+C on a Mac), or download it.', '浏览器不允许复制：代码已在下方选中，请按 Ctrl+C（Mac 上为 ⌘+C），或者下载它。'));
      },
    );
  });
}

class RefusedError extends Error {}

const lines = (code: string) => code.split('\n').length - (code.endsWith('\n') ? 1 : 0);
