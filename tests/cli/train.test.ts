/**
 * `cnn-graph train`, run for real: in-process through main() with captured
 * output, and as the installed binary (bin/cnn-graph.js → dist/cli.js) in a
 * subprocess, on small subsets of MNIST so that each run takes seconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/cli/common.js';
import { main } from '../../src/cli/main.js';
import { EXIT_CANCELLED, cmdTrain } from '../../src/cli/train.js';

const RECORD_KEYS = ['model', 'dataset', 'backend', 'renderer', 'epochs', 'trainSamples', 'testSamples', 'samplesPerSecond', 'testAccuracy', 'loss', 'reference'];

function capture(isTTY = false, onStderr?: (all: string) => void) {
  const out = { stdout: '', stderr: '' };
  const io: IO = {
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => {
      out.stderr += s;
      onStderr?.(out.stderr);
    },
    readFile: async (p) => readFileSync(p, 'utf8'),
    writeFile: async (p, d) => writeFileSync(p, d),
    isTTY,
  };
  return { io, out };
}

async function run(...argv: string[]) {
  const { io, out } = capture();
  const code = await main(argv, io);
  return { code, ...out };
}

/** A test accuracy measured on n images is a whole number of them. */
function wholeImages(accuracy: number, n: number): boolean {
  return Math.abs(accuracy * n - Math.round(accuracy * n)) < 1e-9;
}

const bin = join(process.cwd(), 'bin/cnn-graph.js');

describe('cnn-graph train (in-process)', () => {
  it('trains lenet5 on 256 MNIST images on WASM and prints the result record with --json', async () => {
    const r = await run('train', 'lenet5', '--limit', '256', '--epochs', '1', '--test-limit', '500', '--json');
    expect(r.code, r.stderr).toBe(0);
    // One line of JSON, nothing else on stdout.
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(RECORD_KEYS);
    expect(j).toMatchObject({ model: 'lenet5', dataset: 'mnist', backend: 'wasm', renderer: null, epochs: 1, trainSamples: 256, testSamples: 500, reference: 0.9794 });
    expect(j.loss).toHaveLength(1);
    expect(Number.isFinite(j.loss[0])).toBe(true);
    expect(j.loss[0]).toBeGreaterThan(0);
    expect(j.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(j.testAccuracy).toBeLessThanOrEqual(1);
    expect(wholeImages(j.testAccuracy, 500)).toBe(true);
    expect(j.samplesPerSecond).toBeGreaterThan(0);
    // Not a terminal: plain progress lines (no carriage returns), the notes' batch size (one batch of 256), one epoch line.
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toMatch(/^loading MNIST from /m);
    expect(r.stderr).toMatch(/^training lenet5 \(input 1×28×28\) on 256 MNIST images for 1 epoch, testing on 500; backend wasm/m);
    expect(r.stderr).toMatch(/^epoch 1\/1 {2}\d+% {2}batch 1\/1 {2}loss \d+\.\d{4} {2}[\d,]+ samples\/s {2}ETA /m);
    expect(r.stderr).toContain(`epoch 1/1  loss ${j.loss[0].toFixed(4)}  test accuracy ${(100 * j.testAccuracy).toFixed(2)}%`);
  }, 60_000);

  it('prints a readable summary with the notes’ accuracy, on the options given (Adam, batch 64, seed)', async () => {
    const r = await run('train', 'lenet5', '--limit', '256', '--epochs', '2', '--batch', '64', '--optimizer', 'adam', '--lr', '0.001', '--test-limit', '200', '--seed', '3');
    expect(r.code, r.stderr).toBe(0);
    const m = /^lenet5 \(LeNet-5\) on MNIST: test accuracy (\d+\.\d\d)% \((\d+) of 200 test images\)$/m.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1])).toBeCloseTo((100 * Number(m![2])) / 200, 2);
    expect(r.stdout).toContain('the notes report 97.94% after 5 epochs on all 60,000 training images');
    const d = /difference ([−+])(\d+\.\d\d) percentage points/.exec(r.stdout);
    expect(d, r.stdout).not.toBeNull();
    expect((d![1] === '−' ? -1 : 1) * Number(d![2])).toBeCloseTo(Number(m![1]) - 97.94, 2);
    expect(r.stdout).toMatch(/trained 2 epochs on 256 images, batch 64, Adam lr 0\.001, seed 3; loss per epoch \d+\.\d{4} → \d+\.\d{4}/);
    expect(r.stdout).toMatch(/backend wasm \(SIMD, one thread\) · [\d,]+ samples\/s · /);
    expect(r.stderr).toMatch(/^epoch 2\/2 {2}loss /m);
  }, 60_000);

  it('--backend cpu trains on tfjs’s plain CPU backend and says so', async () => {
    // Tiny: tfjs 4.22's cpu Conv2DBackpropFilter reads every element through TensorBuffer.get (a few samples/s on LeNet-5).
    const r = await run('train', 'lenet5', '--backend', 'cpu', '--limit', '8', '--batch', '8', '--epochs', '1', '--test-limit', '50', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ backend: 'cpu', trainSamples: 8, testSamples: 50 });
    expect(r.stderr).toMatch(/testing on 50; backend cpu$/m);
  }, 60_000);

  it('on Fashion-MNIST, the notes’ MNIST accuracy is not offered as the reference', async () => {
    const r = await run('train', 'lenet5', '--dataset', 'fashion-mnist', '--limit', '128', '--epochs', '1', '--test-limit', '100', '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ dataset: 'fashion-mnist', reference: null, trainSamples: 128, testSamples: 100 });
  }, 60_000);

  it('a diverging run (learning rate 1e6) exits 1 with the message and prints no result', async () => {
    const r = await run('train', 'resnet-mini', '--lr', '1e6', '--limit', '512', '--batch', '64', '--epochs', '1', '--test-limit', '100', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cnn-graph train: resnet-mini: the loss became (NaN|infinite|[\d.,e+]+, more than ten times the 2\.30 of an untrained network) at epoch 1, batch \d+; training stopped\. The learning rate 1000000 is too high for SGD: lower it \(the notes use 0\.1 for this network\)/);
  }, 60_000);

  it('a loss that explodes but stays finite (lenet5 at lr 1e6) exits 1 with the same message, not 0 with a result', async () => {
    const r = await run('train', 'lenet5', '--lr', '1e6', '--limit', '512', '--batch', '64', '--epochs', '1', '--test-limit', '100', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cnn-graph train: lenet5: the loss became [\d,]+, more than ten times the 2\.30 of an untrained network at epoch 1, batch \d+; training stopped\. The learning rate 1000000 is too high for SGD: lower it \(the notes use 0\.9 for this network\) and start again\./);
  }, 60_000);

  it('a network too large for memory exits 1 at once, naming the numbers and what to change, before loading data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-train-'));
    const file = join(dir, 'huge.json');
    // 1.59 billion parameters: Linear(784, 2,000,000) then Linear(2,000,000, 10).
    writeFileSync(file, JSON.stringify({ format: 'cnn-graph/1', name: 'huge', input: [1, 28, 28], layers: [{ path: 'flat', kind: 'Flatten' }, { path: 'fc1', kind: 'Linear', in_features: 784, out_features: 2_000_000 }, { path: 'fc2', kind: 'Linear', in_features: 2_000_000, out_features: 10 }] }));
    const r = await run('train', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('loading MNIST');
    expect(r.stderr).toMatch(/^cnn-graph train: huge: training needs about [\d.]+ GiB \(weights 5\.92 GiB, gradients 5\.92 GiB, activations 5\.72 GiB for a test batch of 256\), more than the [\d.]+ GiB this run may use \((the most tfjs's WASM backend can hold|half of this machine's [\d.]+ GiB)\); nothing was allocated\. The weights alone do not fit, whatever the batch size: train a smaller network: its 1\.59 G parameters \(1,590,000,010\) take 11\.8 GiB with their gradients/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a batch too large for memory exits 1 and names the --batch that fits', async () => {
    const r = await run('train', 'nin', '--batch', '100000', '--limit', '64');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cnn-graph train: nin: training needs about [\d.]+ TiB \(weights [\d.]+ MiB, gradients [\d.]+ MiB, Adam’s two moments [\d.]+ MiB, activations [\d.]+ TiB for a batch of 100,000\), more than the [\d.]+ GiB this run may use .*; nothing was allocated\. Use a smaller batch \(--batch of \d+ or less fits\), or a smaller network/);
  });

  it('cancelling mid-run (the signal Ctrl-C raises) prints the partial record and exits 130; a terminal gets a redrawn bar', async () => {
    const controller = new AbortController();
    // Cancel as soon as the bar is first drawn (during epoch 1).
    const { io, out } = capture(true, (all) => {
      if (all.includes('█') || all.includes('░')) controller.abort();
    });
    const code = await cmdTrain(['lenet5', '--limit', '2048', '--batch', '64', '--epochs', '2', '--test-limit', '100', '--json'], io, { signal: controller.signal });
    expect(code).toBe(EXIT_CANCELLED);
    expect(out.stderr).toMatch(/\r\x1b\[Kepoch 1\/2 [█░]{20} +\d+% {2}batch 1\/32 {2}loss \d+\.\d{4}/);
    const j = JSON.parse(out.stdout);
    expect(Object.keys(j)).toEqual([...RECORD_KEYS, 'cancelled']);
    expect(j).toMatchObject({ model: 'lenet5', epochs: 0, loss: [], testAccuracy: null, trainSamples: 2048, testSamples: 100, cancelled: { epoch: 1, batch: 2 } });
  }, 60_000);

  it('a network whose output is not one score per class exits 1 and says what to change', async () => {
    const r = await run('train', 'torchvision-resnet18', '--limit', '64');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('torchvision-resnet18 ends in fc Linear 1000, but MNIST has 10 classes: the last layer must give one score per class. Set its output to 10');
  }, 60_000);

  it('a network file that does not fit together exits 1 with its diagnostics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-train-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', input: [1, 28, 28], layers: [{ path: 'fc', kind: 'Linear', in_features: 5, out_features: 10 }] }));
    const r = await run('train', file, '--limit', '64');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: .*fc/);
    expect(r.stderr).toContain(`bad does not fit together, so it cannot be trained; \`cnn-graph check ${file}\` lists the problems.`);
  });

  const usage: [string[], RegExp][] = [
    [[], /train needs a zoo id or a \.json file, e.g\. `cnn-graph train lenet5/],
    [['lenet6'], /"lenet6" is neither a zoo id nor a \.json, \.py or \.onnx file\. Did you mean "lenet5"\?/],
    [['lenet5', '--epochs', '0'], /--epochs must be a whole number ≥ 1, got "0"/],
    [['lenet5', '--limit=-5'], /--limit must be a whole number ≥ 1, got "-5"/],
    [['lenet5', '--batch', '3.5'], /--batch must be a whole number ≥ 1, got "3\.5"/],
    [['lenet5', '--test-limit', 'all'], /--test-limit must be a whole number ≥ 1, got "all"/],
    [['lenet5', '--seed=-1'], /--seed must be a whole number ≥ 0, got "-1"/],
    [['lenet5', '--lr', '1e'], /--lr must be a number > 0, like 0\.01 or 1e-3; got "1e"/],
    [['lenet5', '--lr', '0'], /--lr must be a number > 0/],
    [['lenet5', '--momentum', '1'], /--momentum must be a number from 0 \(included\) up to 1 \(excluded\)/],
    [['lenet5', '--optimizer', 'sdg'], /--optimizer must be sgd or adam, got "sdg"\. Did you mean "sgd"\?/],
    [['lenet5', '--dataset', 'cifar10'], /--dataset must be mnist or fashion-mnist, got "cifar10"/],
    [['lenet5', '--backend', 'webgl'], /--backend webgl needs a browser .* use --backend wasm \(the default\) or cpu/],
    [['lenet5', '--backend', 'gpu'], /--backend must be wasm or cpu, got "gpu"/],
    [['lenet5', '--limit', '-5'], /Option '--limit' argument is ambiguous/],
    [['lenet5', '--epoch', '2'], /Unknown option '--epoch'\. train takes --dataset, --epochs, --limit/],
    [['lenet5', 'mnist'], /unexpected argument "mnist"/],
  ];
  for (const [argv, message] of usage) {
    it(`usage error (exit 2): train ${argv.join(' ')}`, async () => {
      const r = await run('train', ...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cnn-graph train: /);
      expect(r.stderr).toMatch(message);
    });
  }

  it('is in the usage text', async () => {
    expect((await run('--help')).stdout).toMatch(/cnn-graph train <id \| file\.json[^>]*>.* \[--dataset mnist\|fashion-mnist\] \[--epochs N\] \[--limit N\]/);
  });
});

describe('cnn-graph train (the binary)', () => {
  it('bin/cnn-graph.js train --json prints one parseable record, progress on stderr', () => {
    expect(existsSync('dist/cli.js'), 'dist/cli.js is missing: `npm test` builds it first; run `npm run build`').toBe(true);
    const r = spawnSync(process.execPath, [bin, 'train', 'lenet5', '--limit', '256', '--epochs', '1', '--test-limit', '300', '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(RECORD_KEYS);
    expect(j).toMatchObject({ model: 'lenet5', dataset: 'mnist', backend: 'wasm', trainSamples: 256, testSamples: 300, epochs: 1 });
    expect(wholeImages(j.testAccuracy, 300)).toBe(true);
    expect(r.stderr).toMatch(/^epoch 1\/1 {2}loss \d+\.\d{4} {2}test accuracy /m);
    // tfjs's own console notes are kept out of the output.
    expect(r.stderr).not.toContain('tfjs-node');
  }, 60_000);

  it('Ctrl-C (SIGINT) cancels between batches, prints what was done and exits 130', async () => {
    const child = spawn(process.execPath, [bin, 'train', 'lenet5', '--limit', '20000', '--batch', '64', '--epochs', '1', '--test-limit', '100']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      // The first progress line: training is under way.
      if (/^epoch 1\/1 {2}\d+%/m.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(EXIT_CANCELLED);
    expect(stderr).toContain('cancelling after this batch');
    expect(stdout).toMatch(/^lenet5: cancelled at epoch 1, batch \d+; 0 of 1 epoch finished\n {2}last batch: epoch 1, batch \d+\/313, loss \d+\.\d{4} · [\d,]+ samples\/s\n$/);
  }, 60_000);
});
