/**
 * Which tfjs backend trains, and proof of it. WebGL first (the GPU, or
 * SwiftShader when there is none), WASM as the CPU path with this project's
 * gradient kernels, tfjs's plain CPU backend last. What was chosen, and why
 * the others were not, is always reported: `setBackend` can succeed on a
 * backend that then fails, and tfjs silently falls back on its own.
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
}

export interface SelectOptions {
  /** One backend, or an order to try (default webgl, wasm, cpu). */
  prefer?: BackendName | readonly BackendName[];
  /** Where the page serves tfjs-backend-wasm's `.wasm` files (a folder URL ending in `/`); Node needs none. */
  wasmPaths?: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Chooses the first backend of the order that really works, and reports it.
 * Throws when none does, listing every reason.
 */
export async function selectBackend(options: SelectOptions = {}): Promise<BackendInfo> {
  const order = options.prefer === undefined ? BACKEND_NAMES : typeof options.prefer === 'string' ? [options.prefer] : options.prefer;
  const skipped: BackendInfo['skipped'] = [];
  for (const name of order) {
    const reason = await tryBackend(name, options);
    if (reason === null) return { ...(await describeBackend()), skipped };
    skipped.push({ backend: name, reason });
  }
  throw new Error(`no tfjs backend could be started: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
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
  return { backend, renderer, software: renderer !== null && SOFTWARE_RENDERER.test(renderer), wasm, skipped: [] };
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
