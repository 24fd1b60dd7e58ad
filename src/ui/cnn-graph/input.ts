/**
 * How the reader's wheel, fingers and keys reach `<cnn-graph>`. A plain wheel and a
 * one-finger swipe scroll the page (a graph in a long page must not trap it); Ctrl/⌘ +
 * wheel, a trackpad pinch (Chromium and Safari send it as a wheel event with `ctrlKey`)
 * and two fingers zoom and pan the picture. The first time the page gets a gesture meant
 * for the picture, a brief note says how to zoom (a plain wheel) or how to move the graph
 * (a one-finger swipe). Keys move between boxes, open, close and select them.
 *
 * `takesGesture`, `noteFor` and `keyCommand` decide from the event alone; the controller
 * only keeps the notes' state and listens on the SVG.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ARROW_HEADINGS, type Heading } from '../../render/navigate.js';
import type { graphMessages } from './messages.js';
import { isApple } from './zoom-input.js';

/** The parts of a wheel, touch or mouse event that decide where it goes. */
export interface GestureEvent {
  type: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  button?: number;
  touches?: { length: number };
}

/**
 * Whether d3-zoom takes the event (pans or zooms the picture) or leaves it to the page:
 * a wheel only with Ctrl/⌘ (a pinch is one too), a touch only with two fingers or more, a
 * mouse press only with the main button and no Ctrl (Ctrl + click is a right click on a Mac).
 */
export function takesGesture(e: GestureEvent): boolean {
  if (e.type === 'wheel') return !!(e.ctrlKey || e.metaKey);
  if (e.type === 'touchstart') return (e.touches?.length ?? 0) > 1;
  return !e.ctrlKey && !e.button;
}

export type Note = 'wheel' | 'touch';

/**
 * The note an event left to the page calls for: a plain wheel scrolled the page where the
 * reader may have wanted to zoom (`wheel`); one finger moving over the picture scrolled the
 * page where the reader may have wanted to move the graph (`touch`). A tap (no move) selects
 * a box and needs no note, nor does the first finger of a pinch before the second lands.
 */
export function noteFor(e: GestureEvent): Note | null {
  if (e.type === 'wheel') return e.ctrlKey || e.metaKey ? null : 'wheel';
  if (e.type === 'touchmove') return e.touches?.length === 1 ? 'touch' : null;
  return null;
}

/**
 * What a key pressed on the picture does: move to the nearest box that way on screen (a
 * heading), to the first or last box, `activate` the focused box (select it, and open it if
 * it is a collapsed module), `collapse` the module around it, or `clear` (close the hover
 * card and the selection). Null: not the picture's key.
 */
export type KeyCommand = Heading | 'first' | 'last' | 'activate' | 'collapse' | 'clear';

export function keyCommand(key: string): KeyCommand | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowLeft':
      return ARROW_HEADINGS[key];
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
    case ' ':
      return 'activate';
    case '-':
    case 'Backspace':
      return 'collapse';
    case 'Escape':
      return 'clear';
    default:
      return null;
  }
}

/**
 * Where the touch note goes, from the top of the element's frame (`frameTop` in the
 * viewport, `height` tall): the middle of the part of the frame on screen, kept inside the
 * frame. A swipe flings the page on; a note in the middle of the canvas, or under the
 * finger, was scrolled off screen with it.
 */
export function touchNoteTop(frameTop: number, height: number, viewport: number): number {
  const shown = (Math.max(frameTop, 0) + Math.min(frameTop + height, viewport)) / 2 - frameTop;
  return Math.max(24, Math.min(shown, height - 24));
}

type Messages = ReturnType<typeof graphMessages>;

export interface InputParts {
  /** The picture's SVG, where the fingers and the wheel are. */
  svg(): SVGSVGElement | null;
  /** The element's frame, in which the note is placed. */
  frame(): Element | null;
  /** The window: its height, its scrolling, its frames. */
  page: Pick<Window, 'innerHeight' | 'addEventListener' | 'removeEventListener' | 'requestAnimationFrame' | 'cancelAnimationFrame'>;
}

export class InputController implements ReactiveController {
  /** The note on screen (it fades by itself), and the notes already given: each is said once. */
  private note: Note | null = null;
  private given = new Set<Note>();
  /** The touch note's place (`touchNoteTop`), kept as the page scrolls; the wheel note sits in the middle. */
  private top: number | null = null;
  private placing = 0;

  /** The SVG listened on. */
  private svg: SVGSVGElement | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly parts: InputParts,
  ) {
    host.addController(this);
  }

  /** After each update of the element (and the stage's placing of a new picture): listen on a new SVG. */
  hostUpdated(): void {
    const svg = this.parts.svg();
    if (svg && svg !== this.svg) this.attach(svg);
    this.svg = svg;
  }

  /** d3-zoom's filter: true for the picture's gestures; an event left to the page may bring its note. */
  accepts = (e: Event): boolean => {
    if (takesGesture(e as GestureEvent)) return true;
    this.say(noteFor(e as GestureEvent));
    return false;
  };

  /** Listen on a new picture's SVG (d3-zoom listens there too, through `accepts`). */
  private attach(svg: SVGSVGElement): void {
    // A Ctrl/⌘ wheel over the picture is ours even at a zoom limit: d3 leaves a wheel that changes
    // nothing to the page once its 150 ms gesture has ended, and the page would then scroll (or the
    // browser zoom) under a slow Ctrl + wheel at the floor.
    svg.addEventListener('wheel', (e) => (e.ctrlKey || e.metaKey) && e.preventDefault(), { passive: false });
    // d3 never sees a one-finger move (its touchstart was filtered out); passive: the page scrolls on.
    svg.addEventListener('touchmove', (e) => this.say(noteFor(e)), { passive: true });
  }

  hostDisconnected(): void {
    this.follow(false);
  }

  private say(note: Note | null): void {
    if (!note || this.given.has(note)) return;
    this.given.add(note);
    this.note = note;
    this.follow(note === 'touch');
    this.top = note === 'touch' ? this.place() : null;
    this.host.requestUpdate();
  }

  private place(): number | null {
    const r = this.parts.frame()?.getBoundingClientRect();
    return r ? touchNoteTop(r.top, r.height, this.parts.page.innerHeight) : null;
  }

  /** While the touch note shows, keep it in the part of the graph on screen (once a frame, past lit: nothing else changes). */
  private follow(on: boolean): void {
    // Captured on the window: the page's scroll, and any scrolling box's around the element.
    const page = this.parts.page;
    if (on) page.addEventListener('scroll', this.scrolled, { capture: true, passive: true });
    else {
      page.removeEventListener('scroll', this.scrolled, { capture: true });
      page.cancelAnimationFrame(this.placing);
      this.placing = 0;
    }
  }

  private scrolled = () => {
    this.placing ||= this.parts.page.requestAnimationFrame(() => {
      this.placing = 0;
      this.top = this.place();
      const el = this.parts.frame()?.querySelector<HTMLElement>('.hint');
      if (el && this.top !== null) el.style.top = `${this.top}px`;
    });
  };

  private faded = () => {
    this.note = null;
    this.follow(false);
    this.host.requestUpdate();
  };

  renderHint(m: Messages) {
    if (!this.note) return nothing;
    return html`<div part="hint" class="hint" role="status" style=${this.top === null ? nothing : `top:${this.top}px`} @animationend=${this.faded}>${this.note === 'wheel' ? m.wheelHint(isApple()) : m.touchHint}</div>`;
  }
}
