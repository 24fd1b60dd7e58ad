/**
 * A stand-in for the element around `<cnn-graph>`'s controllers in Node: it keeps the
 * controllers it is given and calls their lifecycle hooks in lit's order when asked, counts
 * update requests, and records the events dispatched on it. Everything else the
 * controllers touch is real (the zoo, the analysis, the render path).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TestHost extends EventTarget implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  hasUpdated = false;
  /** Every `cnn-*` event dispatched on the host, in order. */
  readonly events: { type: string; detail: unknown }[] = [];

  constructor() {
    super();
    for (const type of ['cnn-select', 'cnn-toggle', 'cnn-error', 'cnn-layout']) this.addEventListener(type, (e) => this.events.push({ type, detail: (e as CustomEvent).detail }));
  }

  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }

  removeController(c: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(c), 1);
  }

  requestUpdate(): void {
    this.updates++;
  }

  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** No light DOM: no inline layouts. */
  querySelector(): Element | null {
    return null;
  }

  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }

  /** One update as lit runs it: every `hostUpdate`, (the render), every `hostUpdated`. */
  update(): void {
    for (const c of this.controllers) c.hostUpdate?.();
    for (const c of this.controllers) c.hostUpdated?.();
    this.hasUpdated = true;
  }
}

/** Past the events announced in a task of their own (`announce`). */
export const nextTask = () => new Promise((ok) => setTimeout(ok, 0));
