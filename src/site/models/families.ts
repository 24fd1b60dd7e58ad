/**
 * The idea and the history of each family, in English and Chinese (the Chinese follows the
 * notes' terms: 卷积层, 汇聚, 全连接层, 滤波器, 步幅, 填充, 残差块, 梯度消失, 全局平均池化).
 * Written for this site; architecture facts only — every count on the page is computed.
 */
import type { Family } from '../../zoo/index.js';
import type { Lang } from '../types.js';

export interface FamilyText {
  /** Who, when, where. */
  origin: Record<Lang, string>;
  /** The idea, as HTML paragraphs. */
  idea: Record<Lang, string>;
  /** What to look for in the graph and the numbers below it. */
  look: Record<Lang, string>;
  /** Concept pages (slugs) this family illustrates, most relevant first. */
  concepts: readonly string[];
}

export const FAMILY_TEXT: Record<Family, FamilyText> = {
  LeNet: {
    origin: {
      en: 'Yann LeCun and colleagues, Bell Labs, 1998 (“Gradient-based learning applied to document recognition”), after a decade of work on reading handwritten digits and cheques.',
      zh: 'Yann LeCun 等人，贝尔实验室，1998 年（《Gradient-based learning applied to document recognition》），此前他们已在手写数字和支票识别上做了十年。',
    },
    idea: {
      en: `<p>A fully connected network treats an image as a long list of unrelated numbers: it has to learn separately that a stroke in the top-left corner and the same stroke in the bottom-right are the same thing, and it needs one weight per pixel per neuron to do so. LeNet replaces those first layers with <em>convolutions</em>: a small filter slides over the image and the same few weights are used at every position. The network learns local patterns once and finds them anywhere.</p>
<p>After each convolution a <em>subsampling</em> (average pooling) layer halves the resolution, so the next convolution sees a wider area with the same small filter. Two rounds of convolution and pooling turn the digit into a small stack of feature maps; a last convolution (C5) and two fully connected layers read off the class. That order — convolution, pooling, repeat, then classify — is the skeleton every network on this site keeps.</p>`,
      zh: `<p>全连接网络把图像当作一长串互不相干的数字：左上角的一笔和右下角同样的一笔，它得分别去学；而且每个神经元对每个像素都要一个权重。LeNet 把前面的层换成<em>卷积层</em>：一个小滤波器在图像上滑动，每个位置都用同一组少量权重。局部的模式只学一次，在哪里出现都能认出来。</p>
<p>每个卷积层后接一个<em>汇聚层</em>（平均汇聚），把分辨率减半，于是下一个卷积层用同样小的滤波器就能看到更大的范围。两轮“卷积 + 汇聚”把数字变成一小叠特征图，最后一个卷积层（C5）和两个全连接层给出类别。“卷积、汇聚、重复，再分类”——本站所有网络都沿用这个骨架。</p>`,
    },
    look: {
      en: 'See where the parameters and the arithmetic sit in the tables below: C5 and the fully connected layers against the early convolutions: small filters applied at many positions are cheap to store and costly to run.',
      zh: '请看下面表格里参数和计算量分别在哪里：C5 和全连接层对比前面的卷积层——小滤波器存起来便宜，但要在很多位置上运行。',
    },
    concepts: ['output-size', 'multi-channel', 'pooling'],
  },
  AlexNet: {
    origin: {
      en: 'Alex Krizhevsky, Ilya Sutskever and Geoffrey Hinton, University of Toronto, 2012: the winner of that year’s ImageNet challenge by a wide margin, trained on two GTX 580 GPUs.',
      zh: 'Alex Krizhevsky、Ilya Sutskever 和 Geoffrey Hinton，多伦多大学，2012 年：以远超第二名的成绩赢得当年 ImageNet 图像分类竞赛，在两块 GTX 580 GPU 上训练。',
    },
    idea: {
      en: `<p>AlexNet is LeNet scaled up for 224×224 colour photographs and a thousand classes: five convolutional layers and three fully connected layers, eight learned layers in all. The ideas that made the scale work are now standard: the ReLU activation instead of tanh or sigmoid (it does not saturate, so training is several times faster), dropout in the fully connected layers against overfitting, overlapping 3×3 max pooling with stride 2, data augmentation, and training on GPUs.</p>
<p>The first convolution uses a large 11×11 filter with stride 4 to shrink the image quickly; later convolutions use 5×5 and then 3×3. The fully connected part is wide — two hidden layers of 4096 — and that is where the parameters go.</p>`,
      zh: `<p>AlexNet 是为 224×224 彩色照片和一千个类别放大的 LeNet：5 个卷积层加 3 个全连接层，共 8 个有参数的层。让这个规模跑起来的做法如今都成了标配：用 ReLU 代替 tanh 或 sigmoid 作激活函数（不饱和，训练快好几倍），在全连接层用 Dropout 抑制过拟合，步幅 2 的 3×3 重叠最大汇聚，数据增强，以及用 GPU 训练。</p>
<p>第一个卷积层用 11×11 的大滤波器、步幅 4，迅速缩小图像；后面的卷积层用 5×5，再用 3×3。全连接部分很宽——两个 4096 的隐藏层——参数也就都集中在这里。</p>`,
    },
    look: {
      en: 'Compare the parameter and MAC columns of the table: the convolutions do almost all of the multiply–accumulates, the fully connected layers hold most of the parameters — the computed shares say how much.',
      zh: '对比表中参数和乘加两列：乘加几乎都由卷积层完成，参数却大多在全连接层——具体比例见下面的计算。',
    },
    concepts: ['output-size', 'pooling', 'multi-channel'],
  },
  VGG: {
    origin: {
      en: 'Karen Simonyan and Andrew Zisserman, Visual Geometry Group, University of Oxford, 2014 (“Very deep convolutional networks for large-scale image recognition”); second in the ImageNet 2014 classification task, first in localisation.',
      zh: 'Karen Simonyan 和 Andrew Zisserman，牛津大学视觉几何组（VGG），2014 年（《Very deep convolutional networks for large-scale image recognition》）；ImageNet 2014 分类第二、定位第一。',
    },
    idea: {
      en: `<p>VGG asks one question — what does depth alone buy? — and answers it with a single building block: a few 3×3 convolutions (padding 1, so the size is kept) followed by a 2×2 max pool that halves the size. Stacking the block five times gives the configurations A to E, from 11 to 19 learned layers, with channels doubling from 64 to 512 as the maps shrink.</p>
<p>Why only 3×3? Two stacked 3×3 convolutions see a 5×5 window of the input, three see 7×7, with fewer weights than one large filter (27C² against 49C² for C channels in and out) and a ReLU between each, so the stack is also more non-linear. The cost is elsewhere: the classifier keeps AlexNet’s two 4096-wide layers, and the first of them reads a 512×7×7 map.</p>`,
      zh: `<p>VGG 只问一个问题——单靠加深能得到什么？——并用一个积木回答：几个 3×3 卷积（填充 1，尺寸不变），后接一个把尺寸减半的 2×2 最大汇聚。把这个块叠 5 次，就得到 A 到 E 几种配置，有 11 到 19 个有参数的层，特征图越小，通道数越多，从 64 翻倍到 512。</p>
<p>为什么只用 3×3？两个叠起来的 3×3 卷积能看到输入的 5×5 窗口，三个能看到 7×7，权重却比一个大滤波器少（输入输出都是 C 个通道时，27C² 对 49C²），中间还各有一个 ReLU，非线性更强。代价在别处：分类部分保留了 AlexNet 的两个 4096 宽的全连接层，其中第一个要读入 512×7×7 的特征图。</p>`,
    },
    look: {
      en: 'The convolutions do almost all of the work; the first fully connected layer holds most of the parameters — the notes (004) point this out too.',
      zh: '计算几乎全在卷积层；参数大多在第一个全连接层——讲义（004）也指出了这一点。',
    },
    concepts: ['stacked-3x3', 'output-size', 'pooling'],
  },
  NiN: {
    origin: {
      en: 'Min Lin, Qiang Chen and Shuicheng Yan, National University of Singapore, 2013 (“Network In Network”).',
      zh: 'Min Lin、Qiang Chen 和 Shuicheng Yan，新加坡国立大学，2013 年（《Network In Network》）。',
    },
    idea: {
      en: `<p>A convolution is a linear filter followed by a non-linearity: it can only detect patterns that one weighted sum separates. NiN makes the filter itself a small network: after each ordinary convolution come two 1×1 convolutions, each with its ReLU. A 1×1 convolution is a fully connected layer applied to the channels of every pixel separately, so the three together are a little multilayer perceptron slid over the image — the “network in the network”.</p>
<p>The second idea removed AlexNet’s fully connected classifier altogether. The last NiN block outputs one channel per class, and <em>global average pooling</em> averages each of those maps to a single number: the class scores. There is nothing left to overfit in the head, and the network no longer cares about the input size.</p>`,
      zh: `<p>卷积是一个线性滤波器加一个非线性激活：它只能识别一次加权求和就能区分的模式。NiN 把滤波器本身变成一个小网络：每个普通卷积层后面接两个 1×1 卷积层，各带一个 ReLU。1×1 卷积相当于在每个像素的通道上分别做一次全连接，三者合起来就是在图像上滑动的一个小多层感知机——“网络中的网络”。</p>
<p>第二个想法是彻底去掉 AlexNet 的全连接分类部分。最后一个 NiN 块输出的通道数等于类别数，<em>全局平均池化</em>把每张特征图平均成一个数，就是该类的得分。输出部分不再有容易过拟合的参数，网络也不再依赖输入的尺寸。</p>`,
    },
    look: {
      en: 'The last block and the pooling do the job of AlexNet’s fully connected layers; what that saves is computed below.',
      zh: '最后一个块加上池化完成了 AlexNet 全连接层的工作；省下了多少，下面有计算。',
    },
    concepts: ['nin-gap', 'one-by-one', 'output-size'],
  },
  GoogLeNet: {
    origin: {
      en: 'Christian Szegedy and colleagues, Google, 2014 (“Going deeper with convolutions”); the winner of ImageNet 2014 classification. The name salutes LeNet; the block is called Inception.',
      zh: 'Christian Szegedy 等人，Google，2014 年（《Going deeper with convolutions》）；ImageNet 2014 分类冠军。名字是向 LeNet 致敬；其中的块叫 Inception。',
    },
    idea: {
      en: `<p>Which filter size is right — 1×1, 3×3 or 5×5? The Inception block does not choose: it runs them side by side, four parallel branches (1×1; 1×1 then 3×3; 1×1 then 5×5; 3×3 max pooling then 1×1), keeps the height and width equal in all of them, and concatenates their outputs along the channel axis. Training decides how much each branch matters.</p>
<p>Run naively, the 3×3 and 5×5 branches would be expensive on a wide input. The 1×1 convolutions in front of them first reduce the channels, so the large filters work on a thin input — the computed savings for every block are below. The paper’s network ends like NiN, with global average pooling and a single fully connected layer, and adds two auxiliary classifiers in the middle, whose losses (weight 0.3) help the gradient reach the early layers during training and are dropped at inference.</p>`,
      zh: `<p>滤波器该用多大——1×1、3×3 还是 5×5？Inception 块不做选择：它让四条路径并行（1×1；1×1 后接 3×3；1×1 后接 5×5；3×3 最大汇聚后接 1×1），各条路径的高和宽保持一致，输出在通道维上拼接。哪条路径更重要，由训练来决定。</p>
<p>如果直接运行，3×3 和 5×5 路径在通道很多的输入上代价很高。它们前面的 1×1 卷积先降维（减少通道数），大滤波器就只在“薄”的输入上工作——每个块省下多少，下面逐一算出。论文中网络的结尾和 NiN 一样：全局平均池化加一个全连接层；论文还在中间加了两个辅助分类器，训练时它们的损失（权重 0.3）帮助梯度传到前面的层，推理时去掉。</p>`,
    },
    look: {
      en: 'Look at the 1×1 convolutions in front of the 3×3 and 5×5 convolutions of each Inception block: they decide what the block costs.',
      zh: '请留意每个 Inception 块里 3×3 和 5×5 卷积前面的 1×1 卷积：块的代价由它们决定。',
    },
    concepts: ['one-by-one', 'auxiliary', 'nin-gap'],
  },
  ResNet: {
    origin: {
      en: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun, Microsoft Research Asia, 2015 (“Deep residual learning for image recognition”); the winner of ImageNet 2015 with a 152-layer network.',
      zh: '何恺明、张祥雨、任少卿和孙剑，微软亚洲研究院，2015 年（《Deep residual learning for image recognition》）；以 152 层的网络赢得 ImageNet 2015。',
    },
    idea: {
      en: `<p>Making a plain network deeper eventually makes it worse — not from overfitting, since the training error rises too. A deeper network could in principle copy a shallower one and set the extra layers to the identity, but that turns out to be hard to learn. A <em>residual block</em> makes it easy: its layers compute a correction F(x) and the block outputs F(x) + x. If nothing useful is left to learn, the layers only have to push F towards zero.</p>
<p>The addition also helps the gradient: the derivative of F(x) + x with respect to x is F′(x) + 1, so the signal going back through the shortcut is never multiplied down to nothing, however many blocks there are (the notes explain the vanishing gradient this way). When a block changes the number of channels or halves the size, the shortcut cannot be the identity and becomes a 1×1 convolution with stride, the <em>projection</em>. The deeper ResNets use <em>bottleneck</em> blocks (1×1 to reduce, 3×3, 1×1 to expand) to keep the cost of depth down, and the ImageNet versions end with global average pooling and one fully connected layer.</p>`,
      zh: `<p>普通网络一味加深，最终会变差——并非过拟合，因为训练误差也上升了。理论上更深的网络可以照搬较浅的网络，再把多出的层设为恒等映射，但这恰恰很难学到。<em>残差块</em>让它变得容易：块内的层只计算一个修正量 F(x)，块的输出是 F(x) + x。如果没有什么可学的，这些层只需把 F 推向零。</p>
<p>加法也帮助了梯度：F(x) + x 对 x 的导数是 F′(x) + 1，经过捷径传回的信号不会被一路乘到零，不管有多少个块（讲义正是这样解释梯度消失的）。当一个块改变通道数或把尺寸减半时，捷径不能是恒等映射，而是一个带步幅的 1×1 卷积，称为<em>投影</em>。更深的 ResNet 使用<em>瓶颈</em>块（1×1 降维、3×3、1×1 升维）来控制加深的代价；ImageNet 上的各个版本都以全局平均池化和一个全连接层结束。</p>`,
    },
    look: {
      en: 'Each residual block appears in the graph as a box with two paths joined by an addition; the blocks and their shortcuts are listed below.',
      zh: '图中每个残差块都是一个框，两条路径在加法处汇合；下面列出了所有的块及其捷径。',
    },
    concepts: ['residual', 'one-by-one', 'nin-gap'],
  },
  ShuffleNet: {
    origin: {
      en: 'Ningning Ma, Xiangyu Zhang, Hai-Tao Zheng and Jian Sun, Megvii and Tsinghua University, 2018 (“ShuffleNet V2: practical guidelines for efficient CNN architecture design”), for phones, where speed is measured rather than counted in MACs.',
      zh: '马宁宁、张祥雨、郑海涛和孙剑，旷视科技与清华大学，2018 年（《ShuffleNet V2: practical guidelines for efficient CNN architecture design》），面向手机：速度要实测，而不只是数乘加次数。',
    },
    idea: {
      en: `<p>A small network for a phone spends its few multiply–accumulates on depthwise 3×3 convolutions (one filter per channel) and 1×1 convolutions that mix the channels. ShuffleNet v2 adds the <em>channel split</em>: each unit cuts its input in two along the channels (<code>x.chunk(2, dim=1)</code>); one half passes through untouched, the other goes through a 1×1, a depthwise 3×3 and another 1×1, and <code>torch.cat</code> puts the halves back together. Half the channels cost nothing, and the unit keeps its width, which the paper found matters for real speed.</p>
<p>Left alone, the untouched half would never meet the other. A <em>channel shuffle</em> after the concatenation (view the channels as 2 groups, transpose, view back) interleaves them, so the next unit’s split takes channels from both. A unit that halves the size gives both halves a branch, with stride 2, and doubles the channels. The network ends with a 1×1 convolution to 1024 channels, a mean over height and width (<code>x.mean([2, 3])</code>) and one Linear layer.</p>`,
      zh: `<p>手机上的小网络把有限的乘加次数花在 3×3 深度卷积（每个通道一个滤波器）和混合通道的 1×1 卷积上。ShuffleNet v2 加入了<em>通道拆分</em>：每个单元把输入沿通道一分为二（<code>x.chunk(2, dim=1)</code>）；一半原样通过，另一半经过 1×1 卷积、3×3 深度卷积和又一个 1×1 卷积，再用 <code>torch.cat</code> 把两半拼回去。一半通道不花任何计算，单元的宽度也保持不变——论文发现这对实际速度很重要。</p>
<p>如果不管，原样通过的那一半永远不会与另一半交流。拼接之后的<em>通道混洗</em>（把通道看成 2 组、转置、再展平）把两半交错排列，于是下一个单元拆分时两边的通道都有。把尺寸减半的单元让两半都走分支（步幅 2），通道数翻倍。网络最后是到 1024 个通道的 1×1 卷积、对高和宽求平均（<code>x.mean([2, 3])</code>）以及一个全连接层。</p>`,
    },
    look: {
      en: 'Open a unit of a stage: the Chunk layers, the branch and the torch.cat are side by side, and the ChannelShuffle after them costs no parameters and no MACs. Compare the totals with ResNet-18’s: less than a tenth of its MACs.',
      zh: '展开某个阶段里的一个单元：Chunk 层、分支和 torch.cat 并排可见，其后的 ChannelShuffle 没有参数，也没有乘加。把总数与 ResNet-18 对比：乘加次数不到它的十分之一。',
    },
    concepts: ['one-by-one', 'multi-channel', 'residual'],
  },
  ConvNeXt: {
    origin: {
      en: 'Zhuang Liu, Hanzi Mao, Chao-Yuan Wu, Christoph Feichtenhofer, Trevor Darrell and Saining Xie, Facebook AI Research and UC Berkeley, 2022 (“A ConvNet for the 2020s”).',
      zh: '刘壮、毛汉子、吴朝远、Christoph Feichtenhofer、Trevor Darrell 和谢赛宁，Facebook AI Research 与加州大学伯克利分校，2022 年（《A ConvNet for the 2020s》）。',
    },
    idea: {
      en: `<p>ConvNeXt starts from ResNet-50 and adopts, one by one, the habits of vision Transformers, keeping each that helps. The stem becomes a <em>patchify</em> layer: a 4×4 convolution with stride 4 that cuts the image into non-overlapping patches. Each block begins with a <em>depthwise 7×7</em> convolution (one large filter per channel, the counterpart of attention’s wide view), followed by an <em>inverted bottleneck</em>: two 1×1 layers that widen the channels four times and narrow them again, written in torchvision as Linear layers on a channels-last tensor (a Permute before and after).</p>
<p>Normalisation is <em>LayerNorm</em> (over the channels of each position) instead of BatchNorm, the activation is <em>GELU</em> instead of ReLU, and there are <em>fewer</em> of both: one of each per block. Each block’s output is multiplied by a learnable per-channel <em>layer scale</em> (started at 10⁻⁶, so a new block begins close to the identity) and, in training, dropped at random by stochastic depth before it is added to the input. Downsampling is a separate LayerNorm and 2×2 stride-2 convolution between stages.</p>`,
      zh: `<p>ConvNeXt 从 ResNet-50 出发，逐一借用视觉 Transformer 的习惯，保留有用的那些。起始层变成<em>切块</em>层：步幅 4 的 4×4 卷积，把图像切成互不重叠的小块。每个块先做一个 <em>7×7 深度卷积</em>（每个通道一个大滤波器，对应注意力的宽视野），接着是<em>倒瓶颈</em>：两个 1×1 层先把通道加宽四倍再收窄——torchvision 把它们写成通道在最后的张量上的全连接层（前后各一个 Permute）。</p>
<p>归一化用 <em>LayerNorm</em>（对每个位置的通道）代替批量归一化，激活函数用 <em>GELU</em> 代替 ReLU，而且两者都<em>更少</em>：每个块各一个。每个块的输出乘以一个可学习的逐通道<em>层缩放</em>（初值 10⁻⁶，新块一开始接近恒等映射），训练时再由随机深度随机丢弃，然后才加到输入上。下采样是阶段之间单独的 LayerNorm 加 2×2、步幅 2 的卷积。</p>`,
    },
    look: {
      en: 'Open a block: the Permute pair around LayerNorm and the two Linear layers, then the layer_scale Parameter multiplied in (its parameters count in the totals, as PyTorch counts them). The MACs table shows where the work went: the 1×1 Linear layers, not the 7×7.',
      zh: '展开一个块：LayerNorm 和两个全连接层前后各有一个 Permute，之后与 layer_scale 参数相乘（它的参数和 PyTorch 一样计入总数）。乘加表显示计算都去了哪里：在 1×1 的全连接层，而不在 7×7 卷积。',
    },
    concepts: ['residual', 'one-by-one', 'multi-channel'],
  },
};
