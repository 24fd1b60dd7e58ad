/**
 * Files into `<cnn-graph>`: one dropped on it, or picked with the toolbar's
 * "Open…" button (the keyboard's way to the same thing). Either becomes the
 * element's `file`, which the loader reads like `src`. While a file is dragged
 * over the element a drop target covers it (`part="drop-target"`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { graphMessages } from './messages.js';

type Messages = ReturnType<typeof graphMessages>;

/** What a file input and the drop target accept: every format src/import reads. */
export const ACCEPT = '.json,.onnx,.py,application/json,text/x-python';

export interface DropParts {
  /** Open this file (the element sets its `file`). */
  open(file: File): void;
}

export class FileDrop implements ReactiveController {
  /** A file is being dragged over the element. */
  dragging = false;
  /** dragenter and dragleave come for every child crossed: the target shows while more came in than went out. */
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parts: DropParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragenter', this.onEnter);
    this.host.addEventListener('dragover', this.onOver);
    this.host.addEventListener('dragleave', this.onLeave);
    this.host.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragenter', this.onEnter);
    this.host.removeEventListener('dragover', this.onOver);
    this.host.removeEventListener('dragleave', this.onLeave);
    this.host.removeEventListener('drop', this.onDrop);
    this.set(false);
  }

  /** Text or a link dragged over the element is none of its business: only files are taken. */
  private static carriesFiles(e: DragEvent): boolean {
    return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  }

  private set(on: boolean): void {
    if (!on) this.depth = 0;
    if (this.dragging === on) return;
    this.dragging = on;
    this.host.requestUpdate();
  }

  private readonly onEnter = (e: DragEvent): void => {
    if (!FileDrop.carriesFiles(e)) return;
    e.preventDefault();
    this.depth++;
    this.set(true);
  };

  private readonly onOver = (e: DragEvent): void => {
    if (!FileDrop.carriesFiles(e)) return;
    // Without this the browser opens the file itself, leaving the page.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private readonly onLeave = (e: DragEvent): void => {
    if (!FileDrop.carriesFiles(e)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.set(false);
  };

  private readonly onDrop = (e: DragEvent): void => {
    if (!FileDrop.carriesFiles(e)) return;
    e.preventDefault();
    this.set(false);
    const file = e.dataTransfer?.files[0];
    if (file) this.parts.open(file);
  };

  /** The toolbar's file input chose a file. */
  readonly onPicked = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after editing it) opens it again.
    input.value = '';
    if (file) this.parts.open(file);
  };

  /** The toolbar's "Open…" button and its hidden file input. */
  renderButton(m: Messages) {
    return html`<button
        type="button"
        data-action="open"
        title=${m.openTitle}
        @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement | null)?.click()}
      >
        ${m.open}</button
      ><input type="file" class="file-input" accept=${ACCEPT} hidden tabindex="-1" aria-hidden="true" @change=${this.onPicked} />`;
  }

  renderTarget(m: Messages) {
    return this.dragging ? html`<div part="drop-target" class="drop-target" aria-hidden="true"><span>${m.dropHere}</span></div>` : nothing;
  }
}
