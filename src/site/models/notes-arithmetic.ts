/**
 * Worked examples the notes compute by hand, with the numbers they print (quoted, so the page
 * can set them beside the computation). `insights.ts` recomputes each with compare.ts; the
 * page says whether they agree. docs/conventions.md lists the same cases.
 */
import type { BottleneckOptions, StackOptions } from '../../zoo/compare.js';

export type NotesExample =
  | {
      kind: 'bottleneck';
      /** Zoo ids whose page shows it. */
      ids: readonly string[];
      source: string;
      config: BottleneckOptions;
      /** What the notes count (MACs, as “operations”, or parameters) and the totals they print. */
      quantity: 'macs' | 'params';
      printed: { direct: number; reduced: number };
    }
  | {
      kind: 'stack';
      ids: readonly string[];
      source: string;
      config: StackOptions;
      /** The notes' weights per C² (C channels in and out), bias-free: one large kernel, the 3×3 stack. */
      printed: { singlePerC2: number; stackedPerC2: number };
    };

export const NOTES_EXAMPLES: readonly NotesExample[] = [
  {
    kind: 'bottleneck',
    ids: ['googlenet-mini'],
    source: '000_52091afd6212e377.txt',
    config: { input: [192, 28, 28], out: 32, kernel: 5, reduce: 16 },
    quantity: 'macs',
    printed: { direct: 120_422_400, reduced: 12_433_648 },
  },
  {
    kind: 'bottleneck',
    ids: ['googlenet-paper', 'torchvision-googlenet', 'googlenet'],
    source: '002_327777453aafdadb.txt',
    config: { input: [512, 8, 8], out: 64, kernel: 3, reduce: 24, bias: false },
    quantity: 'params',
    printed: { direct: 294_912, reduced: 26_112 },
  },
  {
    kind: 'stack',
    ids: ['vgg11', 'vgg11-small', 'torchvision-vgg11', 'torchvision-vgg16'],
    source: '004_f428c92a1f1bda1d.txt',
    config: { channels: 64, kernel: 7 },
    printed: { singlePerC2: 49, stackedPerC2: 27 },
  },
];
