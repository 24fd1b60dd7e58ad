/**
 * Where a layout runs: in the Web Worker next to the bundle, or, when there is
 * no Worker (Node, a test DOM) or it fails to start, on the main thread with
 * elkjs imported lazily. One worker serves every element of a page; jobs run
 * one at a time, and aborting the running job restarts the worker, so a
 * removed element or a superseded model stops costing CPU at once.
 */
import { type ElkGraph, type Layout, runLayout } from '../../render/layout.js';
import type { WorkerRequest, WorkerResponse } from '../../render/layout.worker.js';
import type { LayoutEngine } from '../../render/pipeline.js';
import { autoLayout } from '../../render/engines.js';
import { layeredLayout } from '../../render/layered.js';

export interface LayoutResult {
  layout: Layout;
  /** Where it ran. */
  where: 'worker' | 'main';
}

interface Job {
  id: number;
  graph: ElkGraph;
  engine: LayoutEngine;
  resolve(r: LayoutResult): void;
  reject(e: unknown): void;
  signal: AbortSignal | undefined;
  onAbort(): void;
}

const abortError = (): Error => (typeof DOMException === 'function' ? new DOMException('The layout was aborted.', 'AbortError') : Object.assign(new Error('The layout was aborted.'), { name: 'AbortError' }));

let workerUrl: URL | null = null;
let elkUrl: string | null = null;
const absolute = (url: string | URL) => new URL(String(url), typeof location !== 'undefined' ? location.href : undefined);

/**
 * Point the client at another worker file (e.g. when the bundle is served from
 * elsewhere, or a bundler gives the worker a URL of its own). The worker loads
 * elk, when a network needs it, from `cnn-graph-elk.classic.js` beside itself,
 * or from `elk` when given.
 */
export function setWorkerUrl(url: string | URL | null, elk?: string | URL | null): void {
  workerUrl = url === null ? null : absolute(url);
  elkUrl = elk ? absolute(elk).href : null;
  // Jobs already sent to the old worker move to the new one.
  const jobs = client?.drain() ?? [];
  client = null;
  broken = false;
  for (const j of jobs) layoutOffThread(j.graph, j.engine, j.signal).then(j.resolve, j.reject);
}

function defaultUrl(): URL | null {
  try {
    return workerUrl ?? new URL('./cnn-graph-layout.worker.js', import.meta.url);
  } catch {
    return null;
  }
}

let broken = false;

class WorkerClient {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private running: Job | null = null;
  private seq = 0;

  constructor(private readonly url: URL) {}

  private spawn(): Worker {
    const w = new Worker(this.url);
    if (elkUrl) w.postMessage({ type: 'config', elk: elkUrl } satisfies WorkerRequest);
    w.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
    // A worker that cannot load (missing file, CSP) fails every job over to the main thread.
    w.onerror = (e) => {
      e.preventDefault?.();
      broken = true;
      for (const j of this.drain()) mainThread(j.graph, j.engine, j.signal).then(j.resolve, j.reject);
    };
    return w;
  }

  warm(): void {
    this.worker ??= this.spawn();
    this.worker.postMessage({ type: 'warm' } satisfies WorkerRequest);
  }

  run(graph: ElkGraph, engine: LayoutEngine, signal?: AbortSignal): Promise<LayoutResult> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const job: Job = {
        id: ++this.seq,
        graph,
        engine,
        resolve,
        reject,
        signal,
        onAbort: () => this.abort(job),
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.queue.push(job);
      this.next();
    });
  }

  private next(): void {
    if (this.running || !this.queue.length) return;
    const job = this.queue.shift() as Job;
    this.running = job;
    this.worker ??= this.spawn();
    this.worker.postMessage({ type: 'layout', id: job.id, graph: job.graph, engine: job.engine } satisfies WorkerRequest);
  }

  private receive(msg: WorkerResponse): void {
    if (msg.type === 'warm') return;
    const job = this.running;
    if (!job || job.id !== msg.id) return;
    this.running = null;
    job.signal?.removeEventListener('abort', job.onAbort);
    if (msg.type === 'layout') job.resolve({ layout: msg.layout, where: 'worker' });
    else job.reject(new Error(`Layout failed: ${msg.message}`));
    this.next();
  }

  private abort(job: Job): void {
    job.reject(abortError());
    if (this.running === job) {
      // elk cannot be interrupted: stop the thread and start a fresh one for the rest.
      this.running = null;
      this.worker?.terminate();
      this.worker = null;
    } else this.queue = this.queue.filter((j) => j !== job);
    this.next();
  }

  /** Stop the worker and hand back the jobs it had not finished. */
  drain(): Job[] {
    const jobs = [...(this.running ? [this.running] : []), ...this.queue];
    for (const j of jobs) j.signal?.removeEventListener('abort', j.onAbort);
    this.running = null;
    this.queue = [];
    this.worker?.terminate();
    this.worker = null;
    return jobs;
  }
}

let client: WorkerClient | null = null;

function getClient(): WorkerClient | null {
  if (broken || typeof Worker !== 'function') return null;
  if (!client) {
    const url = defaultUrl();
    if (!url) return null;
    try {
      client = new WorkerClient(url);
    } catch {
      broken = true;
      return null;
    }
  }
  return client;
}

async function mainThread(graph: ElkGraph, engine: LayoutEngine, signal?: AbortSignal): Promise<LayoutResult> {
  if (signal?.aborted) throw abortError();
  const layout = (engine === 'auto' ? autoLayout(graph) : engine === 'fast' ? layeredLayout(graph) : null) ?? (await runLayout(graph));
  if (signal?.aborted) throw abortError();
  return { layout, where: 'main' };
}

/** Start the worker and elk early, so the first layout does not wait for them. */
export function warmLayout(): void {
  try {
    getClient()?.warm();
  } catch {
    broken = true;
  }
}

/**
 * Lay `graph` out in the worker (on the main thread when there is none):
 * with `auto`, structurally when it is series–parallel, with the fast layered
 * engine when elk would be slow, elk otherwise; with `elk`, elk; with `fast`, the fast engine.
 */
export function layoutOffThread(graph: ElkGraph, engine: LayoutEngine, signal?: AbortSignal): Promise<LayoutResult> {
  let c: WorkerClient | null = null;
  try {
    c = getClient();
  } catch {
    broken = true;
  }
  return c ? c.run(graph, engine, signal) : mainThread(graph, engine, signal);
}

/** Lay `graph` out with elk, in the worker when there is one. */
export function layoutElk(graph: ElkGraph, signal?: AbortSignal): Promise<LayoutResult> {
  return layoutOffThread(graph, 'elk', signal);
}
