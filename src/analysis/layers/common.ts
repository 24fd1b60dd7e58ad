/** Helpers shared by the layer specs: shape text, checks, and window formulas. */
import type { IntOrPair, Shape } from '../../graph/types.js';
import { effectiveKernel, pair, type Pair } from '../arith.js';
import type { AxisWindow, InputInfo, Issue, ShapeResult } from './spec.js';

export const dims = (s: Shape): string => (s.length === 0 ? 'scalar' : s.join('×'));

export const fail = (code: string, message: string, fix?: string, formula?: string): ShapeResult => ({
  ok: false,
  error: { code, message, ...(fix ? { fix } : {}), ...(formula ? { formula } : {}) },
});

export const ok = (shape: Shape, warnings?: Issue[]): ShapeResult =>
  warnings && warnings.length ? { ok: true, shape, warnings } : { ok: true, shape };

/** Spatial layers need `[C, H, W]`; say so in the learner's terms otherwise. */
export function requireCHW(kind: string, input: InputInfo): ShapeResult | null {
  if (input.shape.length === 3) return null;
  return fail(
    'rank',
    `${kind} expects a C×H×W feature map, receives ${dims(input.shape)} (from ${input.from}).`,
    input.shape.length === 1 ? `Move ${kind} before the Flatten, or remove it.` : `Give ${kind} a 3-D input (channels, height, width).`,
  );
}

export const pairText = (p: Pair): string => (p[0] === p[1] ? `${p[0]}` : `${p[0]}×${p[1]}`);
export const kernelText = (k: IntOrPair): string => {
  const [h, w] = pair(k);
  return `${h}×${w}`;
};

/** `H: ⌊(28 + 2·2 − 1·(5−1) − 1)/1⌋ + 1 = 28` (or with ⌈⌉ for ceil_mode). */
export function windowFormula(axis: 'H' | 'W' | 'H, W', input: number, w: AxisWindow, padAfter: number, out: number, ceil = false): string {
  const pads = w.padBefore === padAfter ? `2·${w.padBefore}` : `${w.padBefore} + ${padAfter}`;
  const [l, r] = ceil ? ['⌈', '⌉'] : ['⌊', '⌋'];
  const dk = w.dilation === 1 ? `(${w.kernel}−1)` : `${w.dilation}·(${w.kernel}−1)`;
  return `${axis}: ${l}(${input} + ${pads} − ${dk} − 1)/${w.stride}${r} + 1 = ${out}`;
}

export const sameWindow = (a: AxisWindow, b: AxisWindow): boolean => a.kernel === b.kernel && a.stride === b.stride && a.padBefore === b.padBefore && a.dilation === b.dilation;

/** Shared check for sliding windows: the dilated kernel must fit in the padded input. */
export function windowFits(kind: string, axis: 'height' | 'width', input: number, w: AxisWindow, padAfter: number): Issue | null {
  const span = effectiveKernel(w.kernel, w.dilation);
  const padded = input + w.padBefore + padAfter;
  if (span <= padded) return null;
  return {
    code: 'kernel-too-large',
    message: `${kind} kernel spans ${span} along ${axis}${w.dilation > 1 ? ` (${w.kernel} dilated by ${w.dilation})` : ''} but the padded input is only ${padded} (${input} + padding ${w.padBefore + padAfter}).`,
    fix: `Use a kernel of at most ${padded}${w.dilation > 1 ? ' after dilation' : ''}, add padding, or feed a larger input (remove a pooling layer before it).`,
  };
}

/** Every int or pair value in a config must be a positive (or non-negative) integer. */
export function checkIntPair(name: string, v: IntOrPair, min: number): string | null {
  const [a, b] = pair(v);
  for (const x of [a, b]) {
    if (!Number.isInteger(x) || x < min) return `${name} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer${typeof v === 'number' ? '' : ' pair'}, got ${JSON.stringify(v)}.`;
  }
  return null;
}
