import { describe, expect, it } from 'vitest';
import { ZOO, zooGraph } from '../../src/zoo/index.js';
import { nearestInDirection, type Heading } from '../../src/render/navigate.js';
import { render, type Scene } from '../../src/render/index.js';

const HEADINGS: Heading[] = ['up', 'down', 'left', 'right'];

/** Every node the arrow keys can reach from the first one. */
function reachable(s: Scene): Set<string> {
  const seen = new Set([s.nodes[0].id]);
  const queue = [s.nodes[0].id];
  while (queue.length) {
    const id = queue.shift() as string;
    for (const h of HEADINGS) {
      const next = nearestInDirection(s.nodes, id, h);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('arrow keys move spatially', () => {
  it('googlenet-mini: right goes to the branch beside, down leaves a branch for the concat below', async () => {
    const { scene } = await render(zooGraph('googlenet-mini')!, { expand: 'all' });
    const id = (p: string) => `L:${p}`;
    const at = (p: string) => scene.nodes.find((n) => n.id === id(p))!;
    // The branches start on one row: right from branch1 goes to branch2's first conv beside it.
    const right = nearestInDirection(scene.nodes, id('net.3.branch1'), 'right')!;
    expect(right).toBe(id('net.3.branch2.0'));
    const b = at('net.3.branch1');
    const r = at('net.3.branch2.0');
    expect(r.y < b.y + b.height && b.y < r.y + r.height).toBe(true);
    expect(nearestInDirection(scene.nodes, id('net.3.branch2.2'), 'down')).toBe(id('net.3.cat'));
    expect(nearestInDirection(scene.nodes, id('net.3.branch4'), 'right')).toBeNull();
    expect(nearestInDirection(scene.nodes, 'I:input', 'up')).toBeNull();
    expect(nearestInDirection(scene.nodes, 'I:input', 'down')).toBe(id('net.0'));
    // Down from the block's input reaches the branch straight below it, then up comes back.
    const below = nearestInDirection(scene.nodes, id('net.2'), 'down')!;
    const n2 = at('net.2');
    const bl = scene.nodes.find((n) => n.id === below)!;
    expect(bl.x < n2.x + n2.width && n2.x < bl.x + bl.width).toBe(true);
  });

  it('a left-to-right picture: right follows the flow', async () => {
    const { scene } = await render(zooGraph('lenet5')!, { expand: 'all', direction: 'right' });
    let id = scene.nodes[0].id;
    const walk = [id];
    for (let i = 1; i < scene.nodes.length; i++) walk.push((id = nearestInDirection(scene.nodes, id, 'right') as string));
    expect(walk).toEqual(scene.nodes.map((n) => n.id));
  });

  describe('every node of every zoo network is reachable from the input', { timeout: 120_000 }, () => {
    for (const { id } of ZOO)
      it(id, async () => {
        for (const expand of ['none', 'all'] as const) {
          const { scene } = await render(zooGraph(id)!, { expand });
          const seen = reachable(scene);
          expect(scene.nodes.filter((n) => !seen.has(n.id)).map((n) => n.id), `${id} ${expand}`).toEqual([]);
        }
      });
  });
});
