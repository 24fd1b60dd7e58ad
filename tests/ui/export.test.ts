/**
 * The parts of `<cnn-graph>`'s export (src/ui/cnn-graph/export.ts) that need no browser:
 * the file name, the PNG's size under the canvas limit, and the failure sentence. The
 * downloads themselves run in Chromium (tests/browser/graph).
 */
import { describe, expect, it } from 'vitest';
import { failureReason, fileNameFor, pngSize } from '../../src/ui/cnn-graph/export.js';

describe('export', () => {
  it('names the file after the network, with anything but letters, digits, . _ - replaced', () => {
    expect(fileNameFor('googlenet', 'svg')).toBe('googlenet.svg');
    expect(fileNameFor('ResNet-18 (torchvision)', 'png')).toBe('ResNet-18_torchvision_.png');
    expect(fileNameFor('../../etc/passwd', 'svg')).toBe('.._.._etc_passwd.svg');
    expect(fileNameFor('网络', 'svg')).toBe('_.svg');
    expect(fileNameFor(null, 'png')).toBe('network.png');
  });

  it('makes the PNG at the asked scale, lowered so neither side passes 16,384 pixels', () => {
    expect(pngSize(400, 300, 2)).toEqual({ width: 800, height: 600, scale: 2 });
    // ResNet-152 expanded, 12,000 px tall: at most the limit.
    const tall = pngSize(600, 12000, 2);
    expect(tall.height).toBe(16384);
    expect(tall.width).toBe(Math.floor(600 * (16384 / 12000)));
    expect(pngSize(20000, 100, 1).width).toBe(16384);
    // Never a zero-pixel canvas.
    expect(pngSize(1, 100000, 1)).toMatchObject({ width: 1, height: 16384 });
  });

  it('says why in a sentence: the error’s own message (clipped), or what most likely went wrong', () => {
    expect(failureReason('SVG', new Error('<cnn-graph> has nothing drawn yet'))).toBe('<cnn-graph> has nothing drawn yet');
    expect(failureReason('PNG', new Error(''))).toBe('the browser could not draw the picture');
    expect(failureReason('PNG', 'x')).toBe('the browser could not draw the picture');
    expect(failureReason('SVG', 'quota')).toBe('quota');
    expect(failureReason('SVG', new Error('x'.repeat(1000)))).toHaveLength(200);
  });
});
