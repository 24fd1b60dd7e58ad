/**
 * `<cnn-graph>`'s selection controller (src/ui/cnn-graph/selection.ts) on its own, in Node:
 * which modules open for a path, what a path is, where focus goes after a toggle, where the
 * card sits, and `select`/`toggle`/keys on a real GoogLeNet picture made by the loader. What
 * needs the DOM (focus, the tab stop, the card) is in tests/browser/graph-ux.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { collapsible } from '../../src/render/view.js';
import { type Drawn, Loader, type DrawRequest } from '../../src/ui/cnn-graph/loading.js';
import { cardPosition, closedAround, focusAfterToggle, hasPath, Selection, selectionType, toggled, viewIdOf } from '../../src/ui/cnn-graph/selection.js';
import { zooGraph } from '../../src/zoo/index.js';
import { TestHost } from './controller-host.js';

const googlenet = analyze(zooGraph('googlenet')!);

describe('closedAround', () => {
  const modules = collapsible(googlenet).keys();

  it('opens the collapsed modules around a layer, outermost first, and none that are open', () => {
    expect(closedAround('3.3.p3_2', collapsible(googlenet).keys(), new Set())).toEqual(['3', '3.3']);
    expect(closedAround('3.3.p3_2', modules, new Set(['3']))).toEqual(['3.3']);
    expect(closedAround('3.3.p3_2', collapsible(googlenet).keys(), new Set(['3', '3.3']))).toEqual([]);
  });

  it('a module is around a path only up to a dot: 1 is not around 11.2, nor 3.3 around 3.30', () => {
    expect(closedAround('11.2', ['1', '1.1', '11'], new Set())).toEqual(['11']);
    expect(closedAround('3.30.x', ['3', '3.3', '3.30'], new Set(['3']))).toEqual(['3.30']);
    // A module itself is not around its own path.
    expect(closedAround('3.3', ['3', '3.3'], new Set())).toEqual(['3']);
  });
});

describe('what a path is', () => {
  it('hasPath: the input, a layer or a module of the network', () => {
    expect(['input', '3.3', '3.3.p3_2', '0'].map((p) => hasPath(googlenet, p))).toEqual([true, true, true, true]);
    expect(['3.3.nope', '3.33', '', 'output'].map((p) => hasPath(googlenet, p))).toEqual([false, false, false, false]);
  });

  it('selectionType: what the caller said, else a module when only a module has the path, else a layer', () => {
    expect(selectionType(googlenet, null)).toBeNull();
    expect(selectionType(googlenet, '3.3')).toBe('module');
    expect(selectionType(googlenet, '3.3.p3_2')).toBe('layer');
    expect(selectionType(googlenet, '3.3', 'layer')).toBe('layer');
    expect(selectionType(null, '3.3')).toBe('layer');
  });

  it('viewIdOf: the box (or frame) that shows it', () => {
    expect(viewIdOf('input', 'input')).toBe('I:input');
    expect(viewIdOf('3.3', 'module')).toBe('M:3.3');
    expect(viewIdOf('3.3.p3_2', 'layer')).toBe('L:3.3.p3_2');
  });
});

describe('toggles', () => {
  it('opening adds the module; closing removes it and every module inside it, no other', () => {
    expect([...toggled(['3'], '3.3', true)].sort()).toEqual(['3', '3.3']);
    expect([...toggled(['3', '3.3', '3.30', '3.3.1', '4'], '3.3', false)].sort()).toEqual(['3', '3.30', '4']);
    expect([...toggled(['3', '3.3', '4'], '3', false)]).toEqual(['4']);
  });

  it('after opening, the keyboard goes to the first child; after closing, to the closed box', () => {
    expect(focusAfterToggle(googlenet, '3.3', true)).toBe('L:3.3.p1_1');
    // GoogLeNet's stage 3 starts with an Inception block: a module of its own.
    expect(focusAfterToggle(googlenet, '3', true)).toBe('M:3.0');
    expect(focusAfterToggle(googlenet, '3.3', false)).toBe('M:3.3');
  });
});

describe('cardPosition', () => {
  const canvas = { left: 100, top: 50, right: 1100, width: 1000, height: 600 };

  it('puts the card 8 px right of the box, at its top', () => {
    expect(cardPosition({ left: 300, top: 150, right: 400, width: 100, height: 40 }, canvas)).toEqual({ x: 308, y: 100 });
  });

  it('keeps it inside the canvas: never past its right (a card is 360 wide) or bottom (160), nor above 4 px', () => {
    expect(cardPosition({ left: 900, top: 620, right: 1000, width: 100, height: 40 }, canvas)).toEqual({ x: 640, y: 440 });
    expect(cardPosition({ left: 0, top: 0, right: 50, width: 50, height: 40 }, canvas)).toEqual({ x: 4, y: 4 });
  });
});

class Host extends TestHost {
  selected: string | null = null;
}

let drawn: Drawn;

beforeAll(async () => {
  // The real picture of GoogLeNet at its default expansion (the five stages open), as the element draws it.
  const host = new TestHost();
  const request: DrawRequest = { file: null, model: 'googlenet', src: null, graph: null, input: null, convention: 'default', expand: 'auto', expandedPaths: null, direction: 'down', annotations: 'shapes params macs', engine: 'auto', layout: null, layouts: null, locale: 'en' };
  const loader = new Loader(host, { request: () => request, forgetToggles() {} });
  host.update();
  await loader.settled();
  drawn = loader.drawn!;
});

function setup() {
  const host = new Host();
  const expanded: string[][] = [];
  const revealed: [string, boolean | undefined][] = [];
  const selection = new Selection(host, {
    drawn: () => drawn,
    svg: () => null,
    canvas: () => null,
    locale: () => 'en',
    expand: (paths) => expanded.push([...paths].sort()),
    reveal: (id, readable) => revealed.push([id, readable]),
    uncull() {},
  });
  return { host, selection, expanded, revealed };
}

const key = (k: string) => {
  const e = { key: k, prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
};

describe('Selection', () => {
  it('starts from the default view: the five stages open, the Inception blocks closed', () => {
    expect(drawn.prepared.view.expanded).toEqual(['0', '1', '2', '3', '4']);
  });

  it('select(path) of a layer in a closed block: selects it, opens the block (one cnn-toggle), and brings it into view once drawn', () => {
    const { host, selection, expanded, revealed } = setup();
    selection.select('3.3.p3_2');
    expect(host.selected).toBe('3.3.p3_2');
    expect(expanded).toEqual([['0', '1', '2', '3', '3.3', '4']]);
    const [sel, toggle] = host.events;
    expect(sel.type).toBe('cnn-select');
    expect(sel.detail).toMatchObject({ path: '3.3.p3_2', type: 'layer', record: { path: '3.3.p3_2', kind: 'Conv2d' } });
    expect(toggle).toEqual({ type: 'cnn-toggle', detail: { path: '3.3', expanded: true, expandedPaths: ['0', '1', '2', '3', '3.3', '4'] } });
    expect(host.events).toHaveLength(2);
    // Nothing to pan to until the opened picture is on screen.
    expect(revealed).toEqual([]);
    selection.shown();
    expect(revealed).toEqual([['L:3.3.p3_2', true]]);
    // Once.
    selection.shown();
    expect(revealed).toHaveLength(1);
  });

  it('select(path) of something already drawn pans to it at once, opening nothing', () => {
    const { host, selection, expanded, revealed } = setup();
    selection.select('3.3');
    expect(host.events.map((e) => e.type)).toEqual(['cnn-select']);
    expect(host.events[0].detail).toMatchObject({ path: '3.3', type: 'module', record: { path: '3.3' } });
    expect(expanded).toEqual([]);
    expect(revealed).toEqual([['M:3.3', true]]);
  });

  it('a path the network does not have is selected (and said) but opens and moves nothing; null clears', () => {
    const { host, selection, expanded, revealed } = setup();
    selection.select('3.3.nope');
    expect(host.events).toEqual([{ type: 'cnn-select', detail: { path: '3.3.nope', type: 'layer', record: null } }]);
    expect(expanded).toEqual([]);
    expect(revealed).toEqual([]);
    selection.select(null);
    expect(host.selected).toBeNull();
    expect(host.events[1]).toEqual({ type: 'cnn-select', detail: { path: null, type: null, record: null } });
    expect(revealed).toEqual([]);
  });

  it('toggle opens and closes what can collapse (closing takes the modules inside along), and nothing else', () => {
    const { host, selection, expanded } = setup();
    selection.toggle('3.3');
    expect(expanded.at(-1)).toEqual(['0', '1', '2', '3', '3.3', '4']);
    expect(host.events.at(-1)).toEqual({ type: 'cnn-toggle', detail: { path: '3.3', expanded: true, expandedPaths: ['0', '1', '2', '3', '3.3', '4'] } });
    selection.toggle('3', false);
    expect(expanded.at(-1)).toEqual(['0', '1', '2', '4']);
    selection.toggle('3.3.p3_2');
    selection.toggle('nope');
    expect(expanded).toHaveLength(2);
    expect(host.events).toHaveLength(2);
  });

  it('Enter selects the focused box (the input, first), Escape clears the selection; other keys are left alone', () => {
    const { host, selection } = setup();
    const enter = key('Enter');
    selection.onKey(enter as unknown as KeyboardEvent);
    expect(enter.prevented).toBe(true);
    expect(host.events.at(-1)).toEqual({ type: 'cnn-select', detail: { path: 'input', type: 'input', record: null } });
    const esc = key('Escape');
    selection.onKey(esc as unknown as KeyboardEvent);
    expect(esc.prevented).toBe(true);
    expect(host.selected).toBeNull();
    expect(host.events.at(-1)).toEqual({ type: 'cnn-select', detail: { path: null, type: null, record: null } });
    // Escape with nothing selected says nothing more.
    selection.onKey(key('Escape') as unknown as KeyboardEvent);
    expect(host.events).toHaveLength(2);
    const other = key('a');
    selection.onKey(other as unknown as KeyboardEvent);
    expect(other.prevented).toBe(false);
  });
});
