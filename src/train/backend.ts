/**
 * Which tfjs backend trains, and proof of it. WebGL when it runs on a real GPU,
 * WASM as the CPU path with this project's gradient kernels, tfjs's plain CPU
 * backend last. WebGL on a software renderer (SwiftShader, llvmpipe: Chromium
 * without a GPU) counts as no GPU: it trains LeNet-5 some 50 times slower than
 * WASM. What was chosen, and why the others were not, is always reported:
 * `setBackend` can succeed on a backend that then fails, and tfjs silently
 * falls back on its own.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { registerWasmGradientKernels } from './kernels/index.js';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendInfo {
  backend: BackendName;
  /** WebGL only: the GPU as the driver names it (`WEBGL_debug_renderer_info`), e.g. "ANGLE (… SwiftShader …)". */
  renderer: string | null;
  /** WebGL on a software rasteriser (SwiftShader, llvmpipe): works, but a CPU in disguise. */
  software: boolean;
  /** WASM only: SIMD and threads as the runtime offers them. */
  wasm: { simd: boolean; threads: boolean } | null;
  /** Backends tried first and not used, with the reason. */
  skipped: { backend: BackendName; reason: string }[];
  /** Why this backend trains (null: it was the current one, nothing was chosen). */
  why: BackendWhy | null;
}

/** Training steps per second of `probeBackend`'s small convolutional step, per backend timed. */
export type BackendRates = Partial<Record<BackendName, number>>;

/**
 * Why the backend was chosen, as data (the panel says it in the page's language):
 * - `asked`: it was the one asked for;
 * - `software`: WebGL works but renders in software (`renderer`, e.g. SwiftShader), so it counts as no GPU; `rates` when both were timed anyway;
 * - `measured`: a real GPU; WebGL and WASM were timed and the faster taken;
 * - `fallback`: the first of the order that works (those before it are in `skipped`).
 */
export type BackendWhy =
  | { kind: 'asked' }
  | { kind: 'software'; renderer: string; rates: BackendRates | null }
  | { kind: 'measured'; rates: BackendRates }
  | { kind: 'fallback' };

export interface SelectOptions {
  /** One backend, or an order to try (default webgl, wasm, cpu). */
  prefer?: BackendName | readonly BackendName[];
  /** Where the page serves tfjs-backend-wasm's `.wasm` files (a folder URL ending in `/`); Node needs none. */
  wasmPaths?: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|microsoft basic render(?: driver)?|basic render|software/i;
const SOFTWARE_NAMES: Record<string, string> = { swiftshader: 'SwiftShader', llvmpipe: 'llvmpipe', softpipe: 'softpipe' };

/**
 * The software rasteriser a WebGL renderer string names (`SwiftShader`,
 * `llvmpipe`, `Microsoft Basic Render Driver`, …), or null for a real GPU.
 */
export function softwareRenderer(renderer: string | null): string | null {
  const m = renderer ? SOFTWARE_RENDERER.exec(renderer) : null;
  if (!m) return null;
  const word = m[0].toLowerCase();
  return SOFTWARE_NAMES[word] ?? (word.includes('basic render') ? 'Microsoft Basic Render Driver' : m[0]);
}

/**
 * Chooses the first backend of the order that really works, and reports it.
 * Throws when none does, listing every reason.
 */
export async function selectBackend(options: SelectOptions = {}): Promise<BackendInfo> {
  const order = options.prefer === undefined ? BACKEND_NAMES : typeof options.prefer === 'string' ? [options.prefer] : options.prefer;
  const skipped: BackendInfo['skipped'] = [];
  for (const name of order) {
    const reason = await tryBackend(name, options);
    if (reason === null) return { ...(await describeBackend()), skipped, why: order.length === 1 ? { kind: 'asked' } : { kind: 'fallback' } };
    skipped.push({ backend: name, reason });
  }
  throw new Error(`no tfjs backend could be started: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
}

export interface ChooseOptions {
  wasmPaths?: string;
  /**
   * When to time WebGL against WASM (a few steps of a small convolutional
   * network each, about a second in all) and take the faster: `gpu` (default)
   * only when WebGL runs on a real GPU, `always` (a software renderer too:
   * its shaders compile slowly, the page stalls a second or two), `never`.
   */
  measure?: 'gpu' | 'always' | 'never';
}

/**
 * The backend to train on when none is asked for: WebGL on a real GPU (or
 * WASM, if timing both says WASM is faster), WASM when WebGL is missing,
 * fails, or renders in software, tfjs's CPU backend last. Says why in `why`.
 */
export async function chooseBackend(options: ChooseOptions = {}): Promise<BackendInfo> {
  const measure = options.measure ?? 'gpu';
  const skipped: BackendInfo['skipped'] = [];
  // A software renderer is known from a bare context's name: tfjs's WebGL backend (and its
  // first shaders, slow to compile on SwiftShader) need not start at all.
  const early = measure === 'gpu' ? softwareRenderer(pageRenderer()) : null;
  if (early) {
    const rest = await selectBackend({ ...options, prefer: ['wasm', 'cpu'] });
    return { ...rest, why: { kind: 'software', renderer: early, rates: null } };
  }
  const webglReason = await tryBackend('webgl', options);
  if (webglReason !== null) {
    skipped.push({ backend: 'webgl', reason: webglReason });
    const rest = await selectBackend({ ...options, prefer: ['wasm', 'cpu'] });
    return { ...rest, skipped: [...skipped, ...rest.skipped], why: { kind: 'fallback' } };
  }
  const renderer = webglRenderer();
  const software = softwareRenderer(renderer);
  if (measure === 'never' || (software && measure === 'gpu')) {
    if (!software) return { ...(await describeBackend()), why: { kind: 'fallback' } };
    const rest = await selectBackend({ ...options, prefer: ['wasm', 'cpu'] });
    return { ...rest, why: { kind: 'software', renderer: software, rates: null } };
  }
  const rates: BackendRates = { webgl: probeBackend() };
  const wasmReason = await tryBackend('wasm', options);
  if (wasmReason !== null) {
    skipped.push({ backend: 'wasm', reason: wasmReason });
    await tryBackend('webgl', options);
    return { ...(await describeBackend()), skipped, why: { kind: 'measured', rates } };
  }
  rates.wasm = probeBackend();
  if ((rates.wasm ?? 0) > (rates.webgl ?? 0)) {
    return { ...(await describeBackend()), skipped, why: software ? { kind: 'software', renderer: software, rates } : { kind: 'measured', rates } };
  }
  const back = await tryBackend('webgl', options);
  if (back !== null) throw new Error(`WebGL was measured faster but could not be started again: ${back}`);
  return { ...(await describeBackend()), skipped, why: { kind: 'measured', rates } };
}

/**
 * Steps per second of one training step of a small LeNet-like layer pair
 * (5×5 convolution of 16 images of 28×28, tanh, a dense layer; forward and
 * every gradient) on the current backend, read back each time so a GPU
 * cannot queue work. One untimed step first (a GPU compiles its shaders
 * there), then steps for about a quarter of a second, at least one.
 */
export function probeBackend(budgetMs = 250): number {
  const x = tf.randomNormal([16, 28, 28, 1], 0, 1, 'float32', 1);
  const w = tf.randomNormal([5, 5, 1, 6], 0, 0.2, 'float32', 2);
  const v = tf.randomNormal([28 * 28 * 6, 10], 0, 0.02, 'float32', 3);
  const step = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.mean(tf.matMul(tf.reshape(tf.tanh(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same')), [16, -1]), c as tf.Tensor2D)));
  const once = () => tf.tidy(() => tf.addN(step([x, w, v]).map((g) => tf.sum(g))).dataSync());
  try {
    once();
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (n < 1 || (elapsed < budgetMs && n < 20)) {
      once();
      n++;
      elapsed = performance.now() - t0;
    }
    return (n * 1000) / Math.max(elapsed, 1e-3);
  } finally {
    tf.dispose([x, w, v]);
  }
}

async function tryBackend(name: BackendName, options: SelectOptions): Promise<string | null> {
  if (!tf.findBackendFactory(name)) return name === 'webgl' ? 'not available here (no WebGL in Node)' : 'not registered';
  try {
    if (name === 'webgl') {
      // tfjs asks for a context with failIfMajorPerformanceCaveat, which SwiftShader refuses;
      // a software GPU still trains faster than the CPU backend, so accept it and report it.
      tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    }
    if (name === 'wasm') {
      if (options.wasmPaths) setWasmPaths(options.wasmPaths);
      registerWasmGradientKernels();
    }
    if (!(await tf.setBackend(name))) return 'failed to initialise';
    await tf.ready();
    if (tf.getBackend() !== name) return `tfjs fell back to ${tf.getBackend()}`;
    if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) return 'the GPU cannot render to float32 textures; training in float16 is not reliable';
    // A backend that initialises can still fail at its first kernel (a lost context, a missing .wasm).
    const probe = tf.tidy(() => tf.sum(tf.add(tf.ones([4]), 1)).dataSync()[0]);
    if (probe !== 8) return `a test computation gave ${probe} instead of 8`;
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  }
}

/** The backend in use now, with its renderer (WebGL) or SIMD/threads (WASM). */
export async function describeBackend(): Promise<BackendInfo> {
  const backend = tf.getBackend() as BackendName;
  const renderer = backend === 'webgl' ? webglRenderer() : null;
  let wasm: BackendInfo['wasm'] = null;
  if (backend === 'wasm') {
    const flag = async (f: string) => Boolean(await tf.env().getAsync(f).catch(() => false));
    wasm = { simd: await flag('WASM_HAS_SIMD_SUPPORT'), threads: await flag('WASM_HAS_MULTITHREAD_SUPPORT') };
  }
  return { backend, renderer, software: softwareRenderer(renderer) !== null, wasm, skipped: [], why: null };
}

function webglContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as MathBackendWebGL).gpgpu?.gl ?? null;
}

/** The unmasked renderer string of the WebGL context tfjs uses, or null. */
export function webglRenderer(): string | null {
  const gl = webglContext();
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/**
 * The renderer of a fresh 1×1 WebGL context, as the browser names its GPU,
 * without starting tfjs's WebGL backend (the context is released at once);
 * null where there is no WebGL (Node, WebGL turned off).
 */
export function pageRenderer(): string | null {
  try {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : typeof document === 'object' ? document.createElement('canvas') : null;
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl') ?? null) as WebGLRenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/** Calls `onLost` if the WebGL context tfjs uses is lost; returns the unsubscribe function. */
export function watchContextLoss(onLost: () => void): () => void {
  const gl = webglContext();
  const canvas = gl?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
  if (!canvas || typeof canvas.addEventListener !== 'function') return () => {};
  const handler = () => onLost();
  canvas.addEventListener('webglcontextlost', handler);
  return () => canvas.removeEventListener('webglcontextlost', handler);
}

/** True when tfjs runs on WebGL and its context is gone. */
export function contextLost(): boolean {
  return webglContext()?.isContextLost() ?? false;
}
