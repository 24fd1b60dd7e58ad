/**
 * The layout Web Worker (built to dist/cnn-graph-layout.worker.js): runs the
 * same layouts as the CLI, off the page's main thread.
 * Protocol: `{ type: 'layout', id, graph, engine }` → `{ type: 'layout', id, layout }`
 * or `{ type: 'error', id, message }`. With engine `auto` a series–parallel
 * graph is laid out structurally, one too dense for elk by the fast layered
 * engine (`autoLayout`), and elk is not even loaded; elk loads on the
 * first graph that needs it, with `importScripts` from the file next to this
 * one, dist/cnn-graph-elk.classic.js: elkjs' own bundled build, unchanged.
 * (Re-minified by esbuild, the same code took about 2.5 times longer to load
 * in Chromium: 400-500 ms instead of 140-200 on the 2-core machine.)
 * `{ type: 'warm' }` loads elk and lays out a tiny graph, so the first real elk
 * layout does not pay for start-up.
 */
import { type ElkGraph, type ElkLike, layoutWith } from './layout.js';
import type { LayoutEngine } from './pipeline.js';
import { autoLayout } from './engines.js';
import { layeredLayout } from './layered.js';

export type WorkerRequest = { type: 'layout'; id: number; graph: ElkGraph; engine: LayoutEngine } | { type: 'warm' } | { type: 'config'; elk: string };
export type WorkerResponse = { type: 'layout'; id: number; layout: import('./layout.js').Layout } | { type: 'error'; id: number; message: string } | { type: 'warm' };

const scope = self as unknown as {
  onmessage: unknown;
  location: { href: string };
  importScripts(...urls: string[]): void;
  addEventListener(t: 'message', f: (e: MessageEvent<WorkerRequest>) => void): void;
  postMessage(m: WorkerResponse): void;
};

/** The elkjs file beside this worker (scripts/build-ui.mjs copies it there). */
const ELK_SCRIPT = 'cnn-graph-elk.classic.js';

let elkFrom: string | null = null;
let ready: Promise<ElkLike> | null = null;
const elk = (): Promise<ElkLike> =>
  (ready ??= Promise.resolve().then(() => {
    scope.importScripts(elkFrom ?? new URL(ELK_SCRIPT, scope.location.href).href);
    // elkjs, loaded in a worker, claims `self.onmessage` for its own protocol; ours is the listener below.
    scope.onmessage = null;
    const ELK = (scope as unknown as { ELK?: new () => ElkLike }).ELK;
    if (typeof ELK !== 'function') throw new Error(`${elkFrom ?? ELK_SCRIPT} did not define ELK`);
    return new ELK();
  }));

scope.addEventListener('message', async (e) => {
  const msg = e.data;
  if (msg.type === 'config') {
    elkFrom = msg.elk;
    return;
  }
  if (msg.type === 'warm') {
    await layoutWith({ id: 'warm', children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] }, await elk());
    scope.postMessage({ type: 'warm' });
    return;
  }
  if (msg.type !== 'layout') return;
  try {
    const layout = (msg.engine === 'auto' ? autoLayout(msg.graph) : msg.engine === 'fast' ? layeredLayout(msg.graph) : null) ?? (await layoutWith(msg.graph, await elk()));
    scope.postMessage({ type: 'layout', id: msg.id, layout });
  } catch (err) {
    scope.postMessage({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
  }
});
