/**
 * Choosing the backend in Node (no WebGL here): software renderers are told
 * from GPUs by the renderer string, `chooseBackend` falls back to WASM and
 * says why, a backend asked for says so, and the timing probe gives a rate
 * and every tensor back.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend, probeBackend, selectBackend, softwareRenderer } from '../../src/train/backend.js';

describe('softwareRenderer', () => {
  it('names the software rasterisers WebGL runs on without a GPU', () => {
    expect(softwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('SwiftShader');
    expect(softwareRenderer('Google SwiftShader')).toBe('SwiftShader');
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Mesa, llvmpipe (LLVM 15.0.7 128 bits), OpenGL 4.5)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('Microsoft Basic Render Driver');
    expect(softwareRenderer('Software Rasterizer')).toBe('Software');
  });

  it('leaves real GPUs alone', () => {
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBeNull();
    expect(softwareRenderer('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)')).toBeNull();
    expect(softwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBeNull();
    expect(softwareRenderer(null)).toBeNull();
  });
});

describe('chooseBackend and selectBackend', () => {
  it('without WebGL picks WASM and lists WebGL as skipped', async () => {
    const info = await chooseBackend();
    expect(info.backend).toBe('wasm');
    expect(info.why).toEqual({ kind: 'fallback' });
    expect(info.skipped.map((s) => s.backend)).toEqual(['webgl']);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('a backend asked for is reported as asked', async () => {
    const info = await selectBackend({ prefer: 'wasm' });
    expect(info).toMatchObject({ backend: 'wasm', why: { kind: 'asked' }, skipped: [] });
  });

  it('the probe times a few training steps and frees its tensors', async () => {
    await selectBackend({ prefer: 'wasm' });
    const before = tf.memory().numTensors;
    const rate = probeBackend(50);
    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
