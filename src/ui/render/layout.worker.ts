/**
 * The layout Web Worker (built to dist/cnn-graph-layout.worker.js with elkjs
 * inside): runs the same `runLayout` as the CLI, off the page's main thread.
 * Protocol: `{ type: 'layout', id, graph }` → `{ type: 'layout', id, layout }`
 * or `{ type: 'error', id, message }`; `{ type: 'warm' }` loads elk and lays
 * out a tiny graph, so the first real layout does not pay for start-up.
 */
import { type ElkGraph, loadElk, runLayout } from './layout.js';

export type WorkerRequest = { type: 'layout'; id: number; graph: ElkGraph } | { type: 'warm' };
export type WorkerResponse = { type: 'layout'; id: number; layout: import('./layout.js').Layout } | { type: 'error'; id: number; message: string } | { type: 'warm' };

const scope = self as unknown as { onmessage: unknown; addEventListener(t: 'message', f: (e: MessageEvent<WorkerRequest>) => void): void; postMessage(m: WorkerResponse): void };

const ready = loadElk().then((elk) => {
  // elkjs, loaded in a worker, claims `self.onmessage` for its own protocol; ours is the listener below.
  scope.onmessage = null;
  return elk;
});

scope.addEventListener('message', async (e) => {
  const msg = e.data;
  if (msg.type === 'warm') {
    const elk = await ready;
    await runLayout({ id: 'warm', children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] }, elk);
    scope.postMessage({ type: 'warm' });
    return;
  }
  if (msg.type !== 'layout') return;
  try {
    const elk = await ready;
    const layout = await runLayout(msg.graph, elk);
    scope.postMessage({ type: 'layout', id: msg.id, layout });
  } catch (err) {
    scope.postMessage({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
  }
});
