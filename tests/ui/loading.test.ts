/**
 * `<cnn-graph>`'s loader (src/ui/cnn-graph/loading.ts) on its own, in Node: from a
 * request (the element's properties) to a picture ready to show, through its lit Task,
 * with the real zoo, analysis and render path; and the attribute parsers it uses.
 */
import { describe, expect, it } from 'vitest';
import { annotationsOf, type DrawRequest, isLayout, LoadError, Loader, parseExpand, parseInput } from '../../src/ui/cnn-graph/loading.js';
import { TestHost, nextTask } from './controller-host.js';

describe('the attributes', () => {
  it('parseInput reads C×H×W with x, ×, commas or spaces, and refuses anything else in both languages', () => {
    expect(parseInput('3x224x224')).toEqual([3, 224, 224]);
    expect(parseInput(' 1 × 28 × 28 ')).toEqual([1, 28, 28]);
    expect(parseInput('3,32,32')).toEqual([3, 32, 32]);
    expect(parseInput('3 32 32')).toEqual([3, 32, 32]);
    for (const bad of ['3x224', '3x224x224x1', '0x28x28', '1.5x28x28', 'axbxc', '']) {
      let e: unknown;
      try {
        parseInput(bad);
      } catch (x) {
        e = x;
      }
      expect(e, bad).toBeInstanceOf(LoadError);
      expect((e as LoadError).message).toBe(`The input "${bad}" is not a shape C×H×W. Write it like 3x224x224.`);
      expect((e as LoadError).zh).toContain('C×H×W');
    }
  });

  it('parseExpand: auto, all, none or a depth; anything else is auto', () => {
    expect([null, undefined, '', 'auto', 'all', 'none', '0', '2', 3].map(parseExpand)).toEqual(['auto', 'auto', 'auto', 'auto', 'all', 'none', 0, 2, 3]);
    expect(['-1', '1.5', 'deep', 'ALL'].map(parseExpand)).toEqual(['auto', 'auto', 'auto', 'auto']);
  });

  it('annotationsOf keeps the known words, in the picture’s order, split by spaces or commas', () => {
    expect(annotationsOf('macs shapes')).toEqual(['shapes', 'macs']);
    expect(annotationsOf('params,macs  flops')).toEqual(['params', 'macs']);
    expect(annotationsOf('')).toEqual([]);
  });

  it('isLayout wants a key, a size, nodes and edges', () => {
    expect(isLayout({ key: 'k', width: 1, height: 2, nodes: {}, edges: {} })).toBe(true);
    expect(isLayout({ key: 'k', width: '1', height: 2, nodes: {}, edges: {} })).toBe(false);
    expect(isLayout({ width: 1, height: 2, nodes: {}, edges: {} })).toBe(false);
    expect(isLayout(null)).toBe(false);
    expect(isLayout([])).toBe(false);
  });
});

const REQUEST: DrawRequest = {
  file: null,
  model: 'lenet5',
  src: null,
  graph: null,
  input: null,
  convention: 'default',
  expand: 'auto',
  expandedPaths: null,
  direction: 'down',
  annotations: 'shapes params macs',
  engine: 'auto',
  layout: null,
  layouts: null,
  locale: 'en',
};

/** A loader on a test host, drawing what `request` says; `draw()` runs one update and waits for the task. */
function setup(request: Partial<DrawRequest> = {}) {
  const host = new TestHost();
  const req: DrawRequest = { ...REQUEST, ...request };
  let forgotten = 0;
  const loader = new Loader(host, {
    request: () => req,
    forgetToggles: () => {
      forgotten++;
      req.expandedPaths = null;
    },
  });
  host.connect();
  const draw = async () => {
    host.update();
    await loader.settled();
  };
  return { host, req, loader, draw, forgotten: () => forgotten };
}

describe('Loader', () => {
  it('registers itself and its task with the host', () => {
    const { host, loader } = setup();
    expect(host.controllers[0]).toBe(loader);
    expect(host.controllers).toHaveLength(2);
  });

  it('draws a zoo network: its analysis, a structural layout, and an SVG that starts hidden', async () => {
    const { loader, draw } = setup();
    expect(loader.drawn).toBeNull();
    const pending = draw();
    expect(loader.busy).toBe(true);
    await pending;
    expect(loader.busy).toBe(false);
    const d = loader.drawn!;
    expect(d.loaded.analysis.model).toBe('lenet5');
    expect(d.loaded.analysis.ok).toBe(true);
    expect(d.source).toBe('structural');
    expect(d.engine).toBe('structural');
    expect(d.scene.nodes.length).toBeGreaterThan(5);
    expect(d.svg).toContain('<g class="cnn-viewport cnn-pending">');
    expect(loader.fatal).toBeNull();
  });

  it('draws again only when the request changes, and reuses the analysis when only the view changed', async () => {
    const { req, loader, draw } = setup({ model: 'googlenet' });
    await draw();
    const first = loader.drawn!;
    await draw();
    expect(loader.drawn).toBe(first);
    req.direction = 'right';
    await draw();
    expect(loader.drawn).not.toBe(first);
    expect(loader.drawn!.loaded).toBe(first.loaded);
    expect(loader.drawn!.layout.key).not.toBe(first.layout.key);
  });

  it('draws the reader’s toggles, and forgets them for another network (not for the first)', async () => {
    const { req, loader, draw, forgotten } = setup({ model: 'googlenet', expandedPaths: new Set(['3', '3.3']) });
    await draw();
    expect(loader.drawn!.prepared.view.expanded).toEqual(['3', '3.3']);
    expect(forgotten()).toBe(0);
    req.model = 'lenet5';
    await draw();
    expect(forgotten()).toBe(1);
    expect(loader.drawn!.loaded.analysis.model).toBe('lenet5');
  });

  it('reads the input override into the analysis', async () => {
    const { loader, draw } = setup({ model: 'torchvision-resnet18', input: '3x64x64' });
    await draw();
    const a = loader.drawn!.loaded.analysis;
    expect(a.input).toEqual([3, 64, 64]);
    // conv1: 7×7, stride 2, padding 3.
    expect(a.layers[0].outputShape).toEqual([64, 32, 32]);
  });

  it('an unknown model fails with a suggestion in both languages, announced as cnn-error in a task of its own', async () => {
    const { host, loader, draw } = setup({ model: 'lenet', locale: 'zh' });
    await draw();
    expect(loader.drawn).toBeNull();
    expect(loader.fatal!.message).toMatch(/^Unknown model "lenet"\. Did you mean "lenet5"\? Known models: /);
    expect(loader.fatalZh).toMatch(/^未知的模型 "lenet"。是不是 "lenet5"？/);
    expect(loader.fatal!.localized).toBe(loader.fatalZh);
    expect(loader.fatal!.stage).toBe('load');
    expect(host.events).toEqual([]);
    await nextTask();
    expect(host.events).toEqual([{ type: 'cnn-error', detail: loader.fatal }]);
  });

  it('a graph property that is not a network, and no source at all, are refused by name', async () => {
    const bad = setup({ graph: 42 as unknown as DrawRequest['graph'] });
    await bad.draw();
    expect(bad.loader.fatal!.message).toMatch(/^The graph property is not a network: /);
    const none = setup({ model: null });
    await none.draw();
    expect(none.loader.fatal!.message).toBe('Nothing to draw: set model="lenet5", src="network.json", or the graph property.');
  });

  it('a bad input shape fails the load; fixing it draws and clears the failure', async () => {
    const { req, loader, draw } = setup({ input: '1x28' });
    await draw();
    expect(loader.fatal!.message).toBe('The input "1x28" is not a shape C×H×W. Write it like 3x224x224.');
    req.input = '1x32x32';
    await draw();
    expect(loader.fatal).toBeNull();
    expect(loader.drawn!.loaded.analysis.input).toEqual([1, 32, 32]);
  });
});
