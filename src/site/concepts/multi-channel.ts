/**
 * concepts/multi-channel/: many channels in and out, groups, and the convolution against a
 * fully connected layer; the numbers are the calculator's (./calc/multi-channel.ts).
 */
import { esc } from './calc/common.js';
import { multiChannelCalc } from './calc/multi-channel.js';
import { calcSection, conceptPage } from './common.js';

export const page = conceptPage(
  'multi-channel',
  [
    'A colour image has three channels; a feature map deep in a network has hundreds. A convolution reads all of them at once, and writes as many output channels as it has filters.',
    '彩色图像有 3 个通道，网络深处的特征图有上百个通道。卷积一次读取所有输入通道，有多少个滤波器就输出多少个通道。',
  ],
  (ctx) => {
    const t = ctx.t;
    return `<h2>${t('Many channels in', '多通道输入')}</h2>
<p>${t(
      'With C input channels, the kernel becomes a block of C × K × K weights (the notes call it a filter, 滤波器): it is laid over the same window in every channel, and all the products are summed into one number. So one filter turns a C×H×W input into a single channel. The input and the filter must have the same number of channels.',
      '输入有 C 个通道时，卷积核变成 C × K × K 的权重块（笔记中称为滤波器）：它在每个通道的同一个窗口上逐元素相乘，所有乘积加成一个数。因此一个滤波器把 C×H×W 的输入变成一个通道。输入数据与滤波器的通道数必须相同。',
    )}</p>
<h2>${t('Many channels out', '多通道输出')}</h2>
<p>${t(
      'To keep a three-dimensional feature map, use FN filters: each gives one output channel, and each output channel has its own bias. The weight tensor is (FN, C, FH, FW) — C, H, W in that order, channels first — and the parameter count is FN × C × FH × FW + FN.',
      '要让输出仍是三维特征图，就用 FN 个滤波器：每个滤波器产生一个输出通道，每个输出通道各有一个偏置。权重的形状是 (FN, C, FH, FW)——按 C、H、W 的顺序，通道数写在高和宽前面——参数量为 FN × C × FH × FW + FN。',
    )}</p>
<h2>${t('Groups', '分组')}</h2>
<p>${t(
      'PyTorch’s <code>groups</code> splits the channels: with groups = g, input and output channels are cut into g groups and each output channel reads only the C_in/g channels of its group, so the weights shrink g times. Both C_in and C_out must be divisible by g; try a value that does not divide them.',
      'PyTorch 的 <code>groups</code> 把通道分组：groups = g 时，输入和输出通道各分成 g 组，每个输出通道只读取本组的 C_in/g 个输入通道，权重因此少 g 倍。C_in 和 C_out 都必须能被 g 整除；试试一个不能整除的值。',
    )}</p>
${calcSection(ctx, multiChannelCalc, (s) => `${s.result}${s.picture}
<h3>${t('Against a fully connected layer', '与全连接层相比')}</h3>
<p>${t('A fully connected layer between the same input and output sizes connects every input value to every output value, with no weight sharing:', '在同样的输入和输出尺寸之间放一个全连接层，每个输入值都连到每个输出值，没有权值共享：')}</p>
<cnn-compare theme="auto" data-role="versus-dense"></cnn-compare>`)}
<p>${t(
      'The fully connected layer is what the convolution’s two ideas save: local connections (each output reads a K×K window, not the whole image) and weight sharing (the same filter at every position).',
      '全连接层正好说明了卷积的两个优点省下了多少：局部连接（每个输出只读一个 K×K 窗口，而不是整幅图像）和权值共享（同一个滤波器用在每个位置）。',
    )}</p>
<p>${t('Next:', '下一步：')} <a href="${esc(ctx.link('concepts/one-by-one/index.html'))}">${t('the 1×1 convolution', '1×1 卷积')}</a>, ${t('which uses only the channel mixing.', '它只保留了通道间的融合。')}</p>`;
  },
);
