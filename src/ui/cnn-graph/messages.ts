/**
 * `<cnn-graph>`'s own words, English and Simplified Chinese. The picture's
 * words (badges, input/output, its title and spoken names) are in
 * `../render/words.ts`, drawn in the same locale; layer labels stay in
 * PyTorch notation; the analysis's diagnostics carry their own Chinese
 * (`Diagnostic.zh`), shown on a zh page.
 */
import { messages } from '../i18n.js';

export const graphMessages = messages(
  {
    tools: 'Graph tools',
    fit: 'Fit',
    fitTitle: 'Fit the whole network',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    wheelHint: (apple: boolean) => `${apple ? '⌘' : 'Ctrl'} + scroll to zoom`,
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
    downloadSvg: 'Download the picture as SVG',
    downloadPng: 'Download the picture as PNG',
    loading: 'Loading…',
    layingOut: 'Laying out…',
    cannotDraw: 'Cannot draw this network.',
    analysisErrors: (n: number) => (n === 1 ? 'The analysis found an error' : `The analysis found ${n} errors`),
    drawnUpTo: '; the network is drawn up to the failure.',
    graphRole: 'network graph',
    collapse: (path: string) => `Collapse ${path}`,
    caption: (model: string, params: string, macs: string) => `Layers of ${model}: ${params} parameters, ${macs} MACs`,
    layer: 'Layer',
    type: 'Type',
    outputShape: 'Output shape',
    parameters: 'Parameters',
    macs: 'MACs',
    shareOfMacs: 'Share of MACs',
  },
  {
    tools: '图工具',
    fit: '适应窗口',
    fitTitle: '缩放以显示整个网络',
    zoomIn: '放大',
    zoomOut: '缩小',
    wheelHint: (apple: boolean) => `按住 ${apple ? '⌘' : 'Ctrl'} 并滚动以缩放`,
    expandAll: '全部展开',
    collapseAll: '全部折叠',
    downloadSvg: '下载 SVG 图片',
    downloadPng: '下载 PNG 图片',
    loading: '加载中…',
    layingOut: '布局中…',
    cannotDraw: '无法绘制这个网络。',
    analysisErrors: (n: number) => `分析发现 ${n} 个错误`,
    drawnUpTo: '；网络只绘制到出错的位置。',
    graphRole: '网络结构图',
    collapse: (path: string) => `折叠 ${path}`,
    caption: (model: string, params: string, macs: string) => `${model} 的各层：${params} 个参数，${macs} 次乘加（MACs）`,
    layer: '层',
    type: '类型',
    outputShape: '输出形状',
    parameters: '参数量',
    macs: 'MACs',
    shareOfMacs: 'MACs 占比',
  },
);
