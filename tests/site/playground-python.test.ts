/**
 * The playground's PyTorch reader without a DOM (src/site/client/playground-python.ts): the
 * network and totals are readPython's and analyze()'s, each diagnostic is placed at the reader's
 * line and column, a channel mismatch found by the analysis is placed at the layer's assignment,
 * the class list holds the classes that can be the network, and a share hash says which tab.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { readPython } from '../../src/import/python/index.js';
import { exampleSource, hasInputComment, moduleClasses, parseShape, pythonLayerOffset, readPythonDoc } from '../../src/site/client/playground-python.js';
import { decodeShare, encodeShare, shareFormat } from '../../src/site/client/playground-share.js';

const NET = `# input: 3x32x32
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1)

    def forward(self, x):
        return self.conv(x)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = Block(3, 16)
        self.head = nn.Conv2d(16, 8, 1)

    def forward(self, x):
        return self.head(self.stem(x))
`;

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('readPythonDoc', () => {
  it('gives readPython’s network and analyze()’s totals', () => {
    const r = readPythonDoc(NET);
    expect(r.items).toEqual([]);
    expect(r.graph?.name).toBe('Net');
    expect(r.analysis?.totals.params).toBe(analyze(readPython(NET).graph!).totals.params);
    expect(r.analysis?.totals.params).toBe(3 * 16 * 9 + 16 + 16 * 8 + 8);
  });

  it('places an unknown module at its line and column, underlining from there to the line’s end', () => {
    const text = NET.replace('nn.Conv2d(16, 8, 1)', 'nn.Conv2x(16, 8, 1)');
    const [item] = readPythonDoc(text).items;
    expect(item?.line).toBe(lineOf(text, 'self.head'));
    expect(item?.line).toBe(18);
    expect(text.slice(item!.span!.start, item!.span!.end)).toBe('nn.Conv2x(16, 8, 1)');
  });

  it('underlines the last character of a line that misses its colon', () => {
    const text = NET.replace('def forward(self, x):\n        return self.head', 'def forward(self, x)\n        return self.head');
    const [item] = readPythonDoc(text).items;
    expect(item?.line).toBe(lineOf(text, 'def forward(self, x)\n        return self.head'));
    expect(text.slice(item!.span!.start, item!.span!.end)).toBe(')');
  });

  it('places an analysis error (channels) at the layer’s assignment', () => {
    const text = NET.replace('nn.Conv2d(16, 8, 1)', 'nn.Conv2d(12, 8, 1)');
    const item = readPythonDoc(text).items.find((i) => i.source === 'analysis');
    expect(item?.layer).toBe('head');
    expect(item?.line).toBe(lineOf(text, 'self.head'));
    expect(pythonLayerOffset(text, 'stem.conv')).toBe(text.indexOf('self.conv ='));
    expect(pythonLayerOffset(text, 'nowhere.7')).toBeNull();
  });

  it('uses the class and the input shape chosen beside the text, and names a malformed shape', () => {
    const noComment = NET.replace('# input: 3x32x32\n', '');
    expect(hasInputComment(noComment)).toBe(false);
    expect(readPythonDoc(noComment).items[0]?.message).toMatch(/input shape of Net is not given/);
    expect(readPythonDoc(noComment, { input: '3x8x8' }).analysis?.input).toEqual([3, 8, 8]);
    expect(readPythonDoc(noComment, { input: '3x8' }).items[0]?.message).toMatch(/not channels×height×width/);
    expect(parseShape('1 × 28 × 28')).toEqual([1, 28, 28]);
    expect(parseShape('0x28x28')).toBeNull();
    const two = NET.replace('class Net(', 'class Other(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(3, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n\n\nclass Net(');
    expect(moduleClasses(two)).toEqual(['Other', 'Net']);
    expect(readPythonDoc(two, { className: 'Other', input: '1x1x3' }).graph?.name).toBe('Other');
  });

  it('starts from a zoo network as its exported PyTorch file, which reads back to the same totals', () => {
    const ex = exampleSource('lenet5', false);
    expect('code' in ex).toBe(true);
    expect(readPythonDoc((ex as { code: string }).code).analysis?.totals.params).toBe(61706);
  });
});

describe('share format', () => {
  it('a PyTorch link says so; a link without f= is JSON', async () => {
    const hash = await encodeShare(NET, { format: 'python', className: 'Net', input: '3x32x32' });
    expect(hash).toMatch(/^n=[\w-]+&f=py&c=Net&i=3x32x32$/);
    expect(await decodeShare(`#${hash}`)).toBe(NET);
    expect(shareFormat(`#${hash}`)).toEqual({ format: 'python', className: 'Net', input: '3x32x32' });
    const old = await encodeShare('{"input":[1,2,2],"layers":[]}');
    expect(old).not.toContain('&');
    expect(shareFormat(`#${old}`)).toEqual({ format: 'json' });
  });
});
