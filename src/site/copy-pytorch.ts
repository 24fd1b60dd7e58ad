/**
 * The "Copy as PyTorch" control a page puts beside a network (the playground, every model page):
 * a button, a status line that says "Copied" or why not, and the fallback shown when the browser
 * refuses the clipboard (the code in a read-only text area and a download link). The client
 * script wires and shows it (src/site/client/copy-pytorch.ts); without JavaScript it stays hidden.
 */
import { esc } from './shell.js';
import type { PageContext } from './types.js';

export function copyPytorchControl(ctx: PageContext, id: string, attrs: Record<string, string> = {}): string {
  const { t } = ctx;
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<span class="copy-code" id="${esc(id)}"${data} hidden>
<button type="button" data-copy-button title="${t('The network as a runnable PyTorch file (nn.Module classes, forward, build()), as cnn-graph export --format pytorch writes it', '把网络写成可运行的 PyTorch 文件（nn.Module 类、forward、build()），与 cnn-graph export --format pytorch 相同')}">${t('Copy as PyTorch', '复制为 PyTorch 代码')}</button>
<span class="copy-code-status" data-copy-status role="status" aria-live="polite"></span>
<span class="copy-code-fallback" data-copy-fallback hidden>
<textarea data-copy-text readonly rows="8" spellcheck="false" aria-label="${t('PyTorch code', 'PyTorch 代码')}"></textarea>
<a data-copy-download href="#" download="network.py"></a>
</span>
</span>`;
}
