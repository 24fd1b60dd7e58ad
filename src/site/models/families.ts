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
  MobileNet: {
    origin: {
      en: 'Andrew Howard and colleagues at Google: MobileNets (2017) for phones and embedded vision; MobileNet v2 by Mark Sandler, Andrew Howard, Menglong Zhu, Andrey Zhmoginov and Liang-Chieh Chen (2018, “Inverted residuals and linear bottlenecks”); MobileNet v3 (2019, “Searching for MobileNetV3”).',
      zh: 'Google 的 Andrew Howard 等人：MobileNets（2017），面向手机和嵌入式视觉；MobileNet v2 由 Mark Sandler、Andrew Howard、Menglong Zhu、Andrey Zhmoginov 和 Liang-Chieh Chen 提出（2018，《Inverted residuals and linear bottlenecks》）；MobileNet v3（2019，《Searching for MobileNetV3》）。',
    },
    idea: {
      en: `<p>An ordinary k×k convolution from C to C′ channels does k²·C·C′ multiply–adds at every pixel: it filters space and mixes channels in one step. A <em>depthwise separable</em> convolution splits the two. A <em>depthwise</em> k×k convolution filters each channel on its own (<code>groups</code> equal to the channels: k²·C per pixel), then a 1×1 <em>pointwise</em> convolution mixes the channels (C·C′ per pixel). For 3×3 kernels that is eight to nine times less arithmetic, and it is the whole of MobileNet v1.</p>
<p>MobileNet v2 wraps the pair in an <em>inverted residual</em>: a 1×1 convolution first expands a thin tensor (typically six times), the depthwise 3×3 works on the wide one, and a 1×1 projects back to the thin width — the opposite of ResNet’s bottleneck, which is wide at the ends. The projection has no activation (a <em>linear bottleneck</em>): a ReLU in so few dimensions would destroy information. The shortcut joins the thin ends, so the tensors that travel between blocks stay small. Activations are ReLU6, min(max(x, 0), 6), which keeps values in a range that low-precision arithmetic handles.</p>
<p>MobileNet v3 keeps the block and lets an automated search (MnasNet’s platform-aware search, then NetAdapt) choose kernel sizes, widths and where to add two new parts: <em>squeeze-and-excitation</em>, in which global average pooling and two 1×1 convolutions compute one weight per channel and the feature map is multiplied by it, and <em>hard-swish</em>, x·ReLU6(x + 3)/6, a piecewise-linear stand-in for swish (x·sigmoid x) that is cheap on a phone. The gates use the hard sigmoid ReLU6(x + 3)/6 for the same reason.</p>`,
      zh: `<p>普通的 k×k 卷积从 C 个通道到 C′ 个通道，在每个像素上要做 k²·C·C′ 次乘加：一步之内既在空间上滤波，又混合通道。<em>深度可分离卷积</em>把这两件事拆开。先用<em>逐通道</em>（depthwise）k×k 卷积分别对每个通道滤波（<code>groups</code> 等于通道数：每个像素 k²·C 次），再用 1×1 的<em>逐点</em>（pointwise）卷积混合通道（每个像素 C·C′ 次）。对 3×3 卷积核，计算量少了八到九倍——这就是 MobileNet v1 的全部。</p>
<p>MobileNet v2 把这一对卷积包进<em>倒残差块</em>：先用 1×1 卷积把很窄的张量扩展（通常扩到 6 倍），逐通道 3×3 卷积在宽的张量上工作，再用 1×1 卷积投影回窄的宽度——与 ResNet 两头宽、中间窄的瓶颈块正好相反。投影之后不加激活函数（<em>线性瓶颈</em>）：在这么少的维度里做 ReLU 会丢掉信息。捷径连接两个窄端，所以在块与块之间传递的张量都很小。激活函数是 ReLU6，即 min(max(x, 0), 6)，让数值保持在低精度运算能处理的范围内。</p>
<p>MobileNet v3 保留了这种块，由自动搜索（MnasNet 的面向平台的搜索，再加 NetAdapt）来决定卷积核大小、宽度，以及在哪里加入两个新部件：<em>挤压-激励</em>（squeeze-and-excitation），用全局平均池化和两个 1×1 卷积为每个通道算出一个权重，再把特征图乘上它；以及<em>hard-swish</em>，x·ReLU6(x + 3)/6，它是 swish（x·sigmoid x）的分段线性替代，在手机上算起来便宜。出于同样的原因，门控用的是 hard sigmoid，即 ReLU6(x + 3)/6。</p>`,
    },
    look: {
      en: 'In each InvertedResidual compare the depthwise convolution (groups equal to its channels) with the 1×1 convolutions around it: it has a fraction of their parameters and MACs. In MobileNet v3 each SqueezeExcitation box ends in a Mul that scales the feature map channel by channel.',
      zh: '在每个 InvertedResidual 里，把逐通道卷积（groups 等于通道数）和它前后的 1×1 卷积比一比：它的参数和乘加次数只是它们的一小部分。在 MobileNet v3 里，每个 SqueezeExcitation 框最后都有一个 Mul，逐通道地缩放特征图。',
    },
    concepts: ['one-by-one', 'residual', 'nin-gap'],
  },
  MnasNet: {
    origin: {
      en: 'Mingxing Tan, Bo Chen, Ruoming Pang, Vijay Vasudevan, Mark Sandler, Andrew Howard and Quoc V. Le, Google, 2018 (“MnasNet: Platform-aware neural architecture search for mobile”, CVPR 2019).',
      zh: 'Mingxing Tan、Bo Chen、Ruoming Pang、Vijay Vasudevan、Mark Sandler、Andrew Howard 和 Quoc V. Le，Google，2018 年（《MnasNet: Platform-aware neural architecture search for mobile》，CVPR 2019）。',
    },
    idea: {
      en: `<p>Every network before this one on the site was designed by hand. MnasNet was found by <em>neural architecture search</em> (NAS): a controller network proposes architectures, each is trained briefly and measured, and the controller is rewarded for accuracy and penalised for exceeding a target latency — the latency measured on a real phone, not estimated from the number of multiply–adds, which predicts speed poorly.</p>
<p>The search space is <em>factorised by stage</em>: the network is cut into stages, and each stage chooses its own kind of block (for the blocks found, an inverted residual with a 3×3 or 5×5 depthwise kernel and an expansion of 3 or 6), its width and how many times the block repeats. So early, high-resolution stages can use cheap blocks and later ones larger kernels, instead of one cell repeated everywhere. The network it found (MnasNet-B1 in torchvision) is a stack of such blocks ending, like NiN, in global average pooling — here written as <code>x.mean([2, 3])</code> — and one Linear layer. The 0.5 version halves every width.</p>`,
      zh: `<p>本站在它之前的网络都是人工设计的。MnasNet 则是用<em>神经架构搜索</em>（NAS）找到的：一个控制器网络提出结构，每个结构先短暂训练并测量，控制器因准确率高而得到奖励，因超过目标延迟而受罚——延迟是在真实手机上测出来的，而不是由乘加次数估算（乘加次数并不能很好地预测速度）。</p>
<p>搜索空间<em>按阶段分解</em>：网络被分成若干阶段，每个阶段各自选择自己的块类型（找到的是逐通道卷积核为 3×3 或 5×5、扩展倍数为 3 或 6 的倒残差块）、宽度以及重复次数。这样，前面分辨率高的阶段可以用便宜的块，后面的阶段可以用更大的卷积核，而不是到处重复同一个单元。搜索得到的网络（torchvision 中的 MnasNet-B1）就是这些块的堆叠，最后像 NiN 一样用全局平均池化——这里写作 <code>x.mean([2, 3])</code>——和一个全连接层结束。0.5 版本把每一层的宽度减半。</p>`,
    },
    look: {
      en: 'The stacks of layers.8 to layers.13 each choose their own kernel (3×3 or 5×5) and expansion (3 or 6); only blocks that keep the shape have an addition. The head is a functional Mean over height and width, not a pooling module.',
      zh: 'layers.8 到 layers.13 这几个堆叠各自选择卷积核（3×3 或 5×5）和扩展倍数（3 或 6）；只有保持形状不变的块才有加法。网络的头部是对高和宽求平均的函数式 Mean，而不是汇聚层模块。',
    },
    concepts: ['one-by-one', 'nin-gap', 'residual'],
  },
  EfficientNet: {
    origin: {
      en: 'Mingxing Tan and Quoc V. Le, Google, 2019 (“EfficientNet: Rethinking model scaling for convolutional neural networks”, ICML 2019).',
      zh: 'Mingxing Tan 和 Quoc V. Le，Google，2019 年（《EfficientNet: Rethinking model scaling for convolutional neural networks》，ICML 2019）。',
    },
    idea: {
      en: `<p>A network is usually made larger in one direction: deeper (ResNet-18 to ResNet-152), wider (more channels), or fed larger images. Each helps and then saturates. EfficientNet scales all three together with one coefficient φ — depth by α<sup>φ</sup>, width by β<sup>φ</sup>, resolution by γ<sup>φ</sup>, with α = 1.2, β = 1.1, γ = 1.15 found by a small grid search and α·β²·γ² ≈ 2, so each step of φ roughly doubles the computation. This <em>compound scaling</em> turns one base network into the family B0 to B7.</p>
<p>The base network B0 was found by the same kind of search as MnasNet, rewarding accuracy per multiply–add rather than phone latency. Its block, <em>MBConv</em>, is MobileNet v2’s inverted residual with squeeze-and-excitation (the gate a sigmoid) and SiLU (swish, x·sigmoid x) activations. In training, each residual branch is skipped at random — <em>stochastic depth</em>, with a probability that grows linearly with the block’s position towards 0.2 (in torchvision’s B0, 0.025 to 0.175 on the nine blocks with a shortcut) — so the network learns not to rely on any single block; at inference every branch is used.</p>`,
      zh: `<p>通常只沿一个方向把网络做大：更深（从 ResNet-18 到 ResNet-152）、更宽（更多通道），或者输入更大的图像。每种做法起初有效，随后就饱和了。EfficientNet 用一个系数 φ 同时缩放这三者——深度乘 α<sup>φ</sup>，宽度乘 β<sup>φ</sup>，分辨率乘 γ<sup>φ</sup>，其中 α = 1.2、β = 1.1、γ = 1.15 由一次小规模网格搜索得到，且 α·β²·γ² ≈ 2，所以 φ 每加 1，计算量大约翻一番。这种<em>复合缩放</em>把一个基础网络变成了 B0 到 B7 一整个系列。</p>
<p>基础网络 B0 是用与 MnasNet 同类的搜索找到的，奖励的是每次乘加带来的准确率，而不是手机上的延迟。它的块 <em>MBConv</em> 就是 MobileNet v2 的倒残差块，加上挤压-激励（门控为 sigmoid）和 SiLU（swish，x·sigmoid x）激活函数。训练时每个残差分支会被随机跳过——即<em>随机深度</em>，跳过的概率随块的位置线性增加、趋近 0.2（torchvision 的 B0 中，九个带捷径的块从 0.025 到 0.175）——这样网络就不会依赖某一个块；推理时所有分支都参与计算。</p>`,
    },
    look: {
      en: 'Every MBConv has a SqueezeExcitation box (AdaptiveAvgPool2d, two 1×1 convolutions, Sigmoid, Mul); the blocks that keep the shape add a StochasticDepth before the addition, with p rising block by block. It costs nothing at inference: no parameters, no MACs.',
      zh: '每个 MBConv 都有一个 SqueezeExcitation 框（AdaptiveAvgPool2d、两个 1×1 卷积、Sigmoid、Mul）；保持形状不变的块在加法之前多一个 StochasticDepth，它的 p 一块比一块大。它在推理时不花任何代价：没有参数，也没有乘加。',
    },
    concepts: ['one-by-one', 'residual', 'nin-gap'],
  },
};
