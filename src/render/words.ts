/**
 * The words of the picture and of its hover card, English and Simplified
 * Chinese, in one table: the boxes (`cards.ts`), the SVG's title, description
 * and spoken labels (`scene.ts`) and the hover card (`details.ts`) read it.
 * Layer labels stay in PyTorch's notation (`Conv2d 7×7 · 64 · s2 p3`) and
 * `MACs` stays `MACs`, the notes' own term; the Chinese follows the site's and
 * the notes' usage (参数量, 乘加次数（MACs）, 层, 输入, 输出).
 */
import type { LayerKind } from '../graph/types.js';
import { messages } from '../i18n.js';
import { analysisOf } from '../kinds/analysis.js';

// Pure: the layout worker imports this module's neighbours, not the words, nor the kinds they look up.
export const words = /* @__PURE__ */ messages(
  {
    input: 'input',
    output: 'output',
    parameters: 'parameters',
    macs: 'MACs',
    ofAux: ' of aux',
    weights: 'weights',
    receptiveField: 'receptive field',
    wholeInput: 'whole input',
    jump: 'jump',
    outputMemory: 'output memory',
    float32: 'B (float32)',
    auxiliary: 'auxiliary',
    trainingOnly: 'training only',
    status: 'status',
    skipped: 'not analysed: an earlier layer failed',
    error: 'error',
    layers: (n: number) => `${n} layers`,
    shape: 'shape',
    auxOutput: 'auxiliary output',
    from: (path: string) => `from ${path}`,
    lossWeight: 'loss weight',
    // The boxes.
    paramsBadge: (n: string, share: string) => `${n} params · ${share}`,
    macsBadge: (n: string, share: string, aux: boolean) => `${n} MACs · ${share}${aux ? ' aux' : ''}`,
    /** After a path on an auxiliary head's box. */
    aux: ' · aux',
    auxOutputBox: (weight: number) => `aux output · loss ×${weight}`,
    /** A layer's label (PyTorch notation) with its few English words translated (by its kind's `labelZh`). */
    label: (text: string, _kind: LayerKind) => text,
    // The SVG's title and description, and the boxes' spoken names.
    sceneTitle: (model: string, layers: number, params: string, macs: string, convention: string) => `${model}: ${layers} layers, ${params} parameters, ${macs} MACs (${convention} convention)`,
    sceneDesc: (input: string, output: string) => `Input ${input}, output ${output}.`,
    sceneErrors: (n: number, first: string) => ` ${n} error(s): ${first}`,
    expanded: (layers: number, params: string, macs: string) => `expanded, ${layers} layers, ${params} parameters, ${macs} MACs`,
    collapsed: (layers: number, output: string, params: string, macs: string) => `collapsed, ${layers} layers, output ${output}, ${params} parameters, ${macs} MACs`,
    layerAria: (output: string, params: string, macs: string) => `output ${output}, ${params} parameters, ${macs} MACs`,
    statusWord: (status: 'error' | 'skipped'): string => status,
    /** Separates the parts of a spoken name. */
    comma: ', ',
    /** Ends a spoken name before the diagnostic that follows it. */
    stop: '. ',
  },
  {
    input: '输入',
    output: '输出',
    parameters: '参数量',
    macs: 'MACs',
    ofAux: '，占辅助头',
    weights: '权重',
    receptiveField: '感受野',
    wholeInput: '整个输入',
    jump: '步长',
    outputMemory: '输出内存',
    float32: '字节（float32）',
    auxiliary: '辅助分类器',
    trainingOnly: '仅用于训练',
    status: '状态',
    skipped: '未分析：前面的层出错了',
    error: '错误',
    layers: (n: number) => `${n} 层`,
    shape: '形状',
    auxOutput: '辅助输出',
    from: (path: string) => `来自 ${path}`,
    lossWeight: '损失权重',
    paramsBadge: (n: string, share: string) => `${n} 参数 · ${share}`,
    macsBadge: (n: string, share: string, aux: boolean) => `${n} MACs · ${aux ? '占辅助头 ' : ''}${share}`,
    aux: ' · 辅助',
    auxOutputBox: (weight: number) => `辅助输出 · 损失 ×${weight}`,
    label: (text: string, kind: LayerKind) => analysisOf(kind)?.labelZh(text) ?? text,
    sceneTitle: (model: string, layers: number, params: string, macs: string, convention: string) => `${model}：${layers} 层，${params} 个参数，${macs} 次乘加（MACs，${convention} 约定）`,
    sceneDesc: (input: string, output: string) => `输入 ${input}，输出 ${output}。`,
    sceneErrors: (n: number, first: string) => `${n} 个错误：${first}`,
    expanded: (layers: number, params: string, macs: string) => `已展开，${layers} 层，${params} 个参数，${macs} 次乘加（MACs）`,
    collapsed: (layers: number, output: string, params: string, macs: string) => `已折叠，${layers} 层，输出 ${output}，${params} 个参数，${macs} 次乘加（MACs）`,
    layerAria: (output: string, params: string, macs: string) => `输出 ${output}，${params} 个参数，${macs} 次乘加（MACs）`,
    statusWord: (status: 'error' | 'skipped') => (status === 'error' ? '出错' : '未分析'),
    comma: '，',
    stop: '。',
  },
);
