/**
 * `<cnn-graph>`'s input controller (src/ui/cnn-graph/input.ts) on its own: which wheel,
 * touch and mouse events zoom the picture and which the page keeps, the notes said once,
 * and the key map. The same events in Chromium are in tests/browser/graph-ux.
 */
import type { ReactiveController, TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { InputController, keyCommand, noteFor, takesGesture, touchNoteTop } from '../../src/ui/cnn-graph/input.js';
import { graphMessages } from '../../src/ui/cnn-graph/messages.js';

const wheel = (mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) => ({ type: 'wheel', ctrlKey: false, metaKey: false, ...mods });
const touch = (type: string, fingers: number) => ({ type, touches: { length: fingers } });

describe('takesGesture', () => {
  it('zooms on Ctrl/⌘ + wheel (and a pinch, which is one), and leaves a plain wheel to the page', () => {
    expect(takesGesture(wheel())).toBe(false);
    expect(takesGesture(wheel({ ctrlKey: true }))).toBe(true);
    expect(takesGesture(wheel({ metaKey: true }))).toBe(true);
  });

  it('pans and pinches with two fingers; one finger scrolls the page', () => {
    expect(takesGesture(touch('touchstart', 1))).toBe(false);
    expect(takesGesture(touch('touchstart', 2))).toBe(true);
    expect(takesGesture(touch('touchstart', 3))).toBe(true);
  });

  it('drags with the main mouse button only, and not with Ctrl (a right click on a Mac)', () => {
    expect(takesGesture({ type: 'mousedown', button: 0, ctrlKey: false })).toBe(true);
    expect(takesGesture({ type: 'mousedown', button: 2, ctrlKey: false })).toBe(false);
    expect(takesGesture({ type: 'mousedown', button: 0, ctrlKey: true })).toBe(false);
  });
});

describe('noteFor', () => {
  it('a plain wheel calls for the zoom note; a zooming wheel for none', () => {
    expect(noteFor(wheel())).toBe('wheel');
    expect(noteFor(wheel({ ctrlKey: true }))).toBeNull();
    expect(noteFor(wheel({ metaKey: true }))).toBeNull();
  });

  it('one finger moving calls for the two-finger note; a tap, or two fingers, do not', () => {
    expect(noteFor(touch('touchmove', 1))).toBe('touch');
    expect(noteFor(touch('touchmove', 2))).toBeNull();
    expect(noteFor(touch('touchstart', 1))).toBeNull();
    expect(noteFor({ type: 'mousedown', button: 0 })).toBeNull();
  });
});

describe('touchNoteTop', () => {
  it('puts the touch note in the middle of the part of the graph on screen', () => {
    // All of a 640 px frame on an 844 px screen: its middle.
    expect(touchNoteTop(100, 640, 844)).toBe(320);
    // Scrolled up by 400: the 240 px still on screen, their middle.
    expect(touchNoteTop(-400, 640, 844)).toBe(520);
    // Its top 700 px down the screen: the 144 px on screen.
    expect(touchNoteTop(700, 640, 844)).toBe(72);
  });

  it('keeps it inside the frame when the frame is (almost) off screen', () => {
    expect(touchNoteTop(-630, 640, 844)).toBe(616);
    expect(touchNoteTop(-2000, 640, 844)).toBe(616);
    expect(touchNoteTop(900, 640, 844)).toBe(24);
  });
});

describe('keyCommand', () => {
  it('maps the arrows to headings, Home/End, Enter/Space, -/Backspace and Escape; nothing else', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].map(keyCommand)).toEqual(['up', 'down', 'left', 'right']);
    expect(['Home', 'End', 'Enter', ' ', '-', 'Backspace', 'Escape'].map(keyCommand)).toEqual(['first', 'last', 'activate', 'activate', 'collapse', 'collapse', 'clear']);
    expect(['a', 'Tab', '+', 'PageDown'].map(keyCommand)).toEqual([null, null, null, null]);
  });
});

/**
 * A host that counts its update requests; the SVG is an event target like the real one; the
 * element's frame is 640 px tall, its top `frameTop` px down an 844 px window whose frames
 * run when `frame()` is called.
 */
function setup(frameTop = 0) {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const host = { addController: (c: ReactiveController) => controllers.push(c), removeController() {}, requestUpdate: () => updates++, updateComplete: Promise.resolve(true) };
  const svg = new EventTarget();
  const note = { style: { top: '' } };
  const box = { top: frameTop, height: 640 };
  const frame = { getBoundingClientRect: () => box, querySelector: (q: string) => (q === '.hint' ? note : null) } as unknown as Element;
  const queued: FrameRequestCallback[] = [];
  const page = Object.assign(new EventTarget(), {
    innerHeight: 844,
    requestAnimationFrame: (f: FrameRequestCallback) => queued.push(f),
    cancelAnimationFrame: (id: number) => void (queued[id - 1] = () => {}),
  });
  const input = new InputController(host, { svg: () => svg as unknown as SVGSVGElement, frame: () => frame, page });
  const updated = () => controllers.forEach((c) => c.hostUpdated?.());
  const render = (locale: 'en' | 'zh' = 'en') => {
    const r = input.renderHint(graphMessages(locale)) as TemplateResult | symbol;
    return typeof r === 'symbol' ? null : r;
  };
  const hint = (locale: 'en' | 'zh' = 'en') => (render(locale)?.values.at(-1) as string | undefined) ?? null;
  const style = () => render()!.values[0];
  /** The note's animation ended. */
  const fade = () => (render()!.values[1] as () => void)();
  const scroll = (top: number) => {
    box.top = top;
    page.dispatchEvent(new Event('scroll'));
    for (const f of queued.splice(0)) f(0);
  };
  return { input, svg, updated, hint, style, fade, scroll, note, updates: () => updates, controllers };
}

const touchmove = (fingers: number) => Object.assign(new Event('touchmove'), { touches: { length: fingers } });
/** A wheel event as the browser sends it (Node has no WheelEvent; the controller reads only these). */
const wheelEvent = (mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) => Object.assign(new Event('wheel', { cancelable: true }), { deltaY: 100, ctrlKey: false, metaKey: false, ...mods }) as unknown as WheelEvent;

describe('InputController', () => {
  it('registers itself with its host', () => {
    const { input, controllers } = setup();
    expect(controllers).toEqual([input]);
  });

  it('says how to zoom on the first plain wheel, once, and lets the page have it', () => {
    const { input, hint, updates } = setup();
    expect(hint()).toBeNull();
    expect(input.accepts(wheelEvent())).toBe(false);
    expect(hint()).toMatch(/^(Ctrl|⌘) \+ scroll to zoom$/);
    expect(hint('zh')).toMatch(/^按住 (Ctrl|⌘) 并滚动以缩放$/);
    expect(updates()).toBe(1);
    // Once: a second plain wheel asks for no update.
    input.accepts(wheelEvent());
    expect(updates()).toBe(1);
    // A Ctrl wheel is the picture's, and says nothing.
    expect(input.accepts(wheelEvent({ ctrlKey: true }))).toBe(true);
    expect(updates()).toBe(1);
  });

  it('says to use two fingers on the first one-finger swipe over the picture it listens on, once', () => {
    const { svg, updated, hint, updates } = setup();
    // Not listening before the element's update has placed a picture.
    svg.dispatchEvent(touchmove(1));
    expect(hint()).toBeNull();
    updated();
    svg.dispatchEvent(touchmove(2));
    expect(hint()).toBeNull();
    svg.dispatchEvent(touchmove(1));
    expect(hint()).toBe('Use two fingers to move the graph');
    expect(hint('zh')).toBe('用双指移动图');
    // Listening once per SVG: another update adds no second listener, and the note is not said again.
    expect(updates()).toBe(1);
    updated();
    svg.dispatchEvent(touchmove(1));
    expect(updates()).toBe(1);
  });

  it('puts the touch note in the part of the frame on screen, the wheel note in the middle', () => {
    const swiped = setup(100);
    swiped.updated();
    swiped.svg.dispatchEvent(touchmove(1));
    // A 640 px frame 100 px down an 844 px screen: the middle of the 640 px on screen.
    expect(swiped.style()).toBe('top:320px');
    const wheeled = setup(100);
    wheeled.input.accepts(wheelEvent());
    expect(wheeled.hint()).toMatch(/scroll to zoom/);
    expect(typeof wheeled.style()).toBe('symbol');
  });

  it('keeps the touch note in the part of the graph on screen while the page scrolls, until it fades', () => {
    const { svg, updated, scroll, note, fade, hint, updates } = setup(100);
    updated();
    svg.dispatchEvent(touchmove(1));
    expect(updates()).toBe(1);
    // Flung on: the frame's top 400 px above the window. Placed on the element directly, not by a render.
    scroll(-400);
    expect(note.style.top).toBe('520px');
    expect(updates()).toBe(1);
    fade();
    expect(hint()).toBeNull();
    // Faded: no longer followed.
    scroll(-100);
    expect(note.style.top).toBe('520px');
  });

  it('keeps a Ctrl/⌘ wheel over the picture from the page, and leaves a plain wheel to it', () => {
    const { svg, updated } = setup();
    updated();
    const ctrl = wheelEvent({ ctrlKey: true });
    svg.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).toBe(true);
    const plain = wheelEvent();
    svg.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
  });
});
