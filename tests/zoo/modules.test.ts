/**
 * Every torchvision network of the zoo names its containers as torchvision does: the same
 * module paths with the same class names (`_DenseLayer`, `Fire`, `InceptionC`,
 * `ResBottleneckBlock`), from tests/fixtures/pytorch/modules.json (made by make_modules.py
 * from `named_modules()`), so a box in the picture reads against `print(model)`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZOO } from '../../src/zoo/index.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch/modules.json', import.meta.url), 'utf8')) as { models: Record<string, [string, string][]> };
const ids = ZOO.map((e) => e.id).filter((id) => id.startsWith('torchvision-'));

describe('torchvision containers: the same paths and class names as named_modules()', () => {
  it('covers every torchvision network of the zoo', () => {
    expect(ids.filter((id) => !fixture.models[id])).toEqual([]);
  });

  it.each(ids)('%s', (id) => {
    const ours = new Map(ZOO.find((e) => e.id === id)!.build().modules.map((m) => [m.path, m.type]));
    const theirs = fixture.models[id] ?? [];
    expect(theirs.map(([path, type]) => [path, ours.get(path) ?? '(missing)']), 'class names by path').toEqual(theirs);
    // No container PyTorch does not have (the zoo declares only modules that hold layers).
    expect([...ours.keys()].filter((p) => !theirs.some(([path]) => path === p))).toEqual([]);
  });
});
