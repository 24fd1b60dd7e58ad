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
  Inception: {
    origin: {
      en: 'Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens and Zbigniew Wojna, Google, 2015 (“Rethinking the Inception architecture for computer vision”): the third version of GoogLeNet’s block, the base of the ImageNet 2015 entries that came second.',
      zh: 'Christian Szegedy、Vincent Vanhoucke、Sergey Ioffe、Jonathon Shlens 和 Zbigniew Wojna，Google，2015 年（《Rethinking the Inception architecture for computer vision》）：GoogLeNet 中 Inception 块的第三个版本。',
    },
    idea: {
      en: `<p>Inception-v3 keeps GoogLeNet’s parallel branches and makes each of them cheaper by <em>factorising</em> its convolutions. A 5×5 convolution becomes two stacked 3×3 convolutions, which see the same 5×5 window with 18 instead of 25 weights per channel pair. Then the square kernels themselves are split: an n×n convolution becomes a 1×n followed by an n×1, so a 7×7 costs 14 weights instead of 49. On the smallest (8×8) maps the 1×3 and 3×1 run side by side and their outputs are concatenated, which widens the block instead of deepening it.</p>
<p>The network shrinks its maps in dedicated reduction blocks, where stride-2 convolutions run beside a stride-2 pooling and are concatenated, rather than pooling first and losing information or convolving at full size and paying for it. Everything is batch-normalised; one auxiliary classifier remains, on the 17×17 maps, whose loss counts in training (weight 0.4 in torchvision’s training reference). The input is 299×299.</p>`,
      zh: `<p>Inception-v3 保留了 GoogLeNet 的多路并行结构，并通过<em>分解</em>卷积让每一路都更便宜。5×5 卷积换成两个叠起来的 3×3 卷积：看到的仍是 5×5 窗口，每对通道的权重却从 25 个减到 18 个。接着连方形卷积核也被拆开：n×n 卷积变成 1×n 后接 n×1，于是 7×7 只需 14 个权重而不是 49 个。在最小的（8×8）特征图上，1×3 和 3×1 并行运行、输出拼接，让块变宽而不是变深。</p>
<p>网络在专门的缩减块里缩小特征图：步幅 2 的卷积与步幅 2 的汇聚并行，再在通道维拼接；这样既不会先汇聚丢掉信息，也不必在原尺寸上卷积而付出代价。每个卷积后都有批量归一化；只保留一个辅助分类器，接在 17×17 的特征图上，训练时计入其损失（torchvision 训练脚本中权重为 0.4）。输入为 299×299。</p>`,
    },
    look: {
      en: 'Open the blocks Mixed_6b–6e to see the 1×7 and 7×1 pairs, and Mixed_7b–7c for the 1×3 and 3×1 convolutions side by side; the table of stages below gives each block’s share of the parameters and MACs.',
      zh: '展开 Mixed_6b–6e，可以看到成对的 1×7 和 7×1 卷积；展开 Mixed_7b–7c，可以看到并列的 1×3 和 3×1 卷积；下面按阶段列出的表格给出每个块占参数和乘加次数的比例。',
    },
    concepts: ['stacked-3x3', 'one-by-one', 'auxiliary'],
  },
  SqueezeNet: {
    origin: {
      en: 'Forrest Iandola, Song Han, Matthew Moskewicz, Khalid Ashraf, William Dally and Kurt Keutzer, UC Berkeley and Stanford, 2016 (“SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and <0.5MB model size”).',
      zh: 'Forrest Iandola、Song Han、Matthew Moskewicz、Khalid Ashraf、William Dally 和 Kurt Keutzer，加州大学伯克利分校与斯坦福大学，2016 年（《SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and <0.5MB model size》）。',
    },
    idea: {
      en: `<p>SqueezeNet asks how small a network can be and still match AlexNet. Its building block, the <em>Fire module</em>, first <em>squeezes</em>: a 1×1 convolution reduces the channels to a few (16 to 64). It then <em>expands</em> with two branches side by side, 1×1 and 3×3 convolutions, whose outputs are concatenated. A 3×3 filter costs nine times a 1×1, so most of the expand filters are 1×1, and the 3×3 ones work on the thin squeezed input.</p>
<p>There is no fully connected layer at all: as in NiN, a last 1×1 convolution gives one channel per class and global average pooling turns each into a score. Pooling comes late, so the convolutions work on large maps: the network is small in parameters, not in arithmetic.</p>`,
      zh: `<p>SqueezeNet 要回答：网络最小能小到什么程度，还能达到 AlexNet 的准确率？它的积木是 <em>Fire 模块</em>：先<em>压缩</em>（squeeze），用 1×1 卷积把通道数降到很少（16 到 64 个）；再<em>扩展</em>（expand），让 1×1 和 3×3 两路卷积并行，输出在通道维拼接。一个 3×3 滤波器的参数是 1×1 的九倍，所以扩展部分的滤波器大多是 1×1，而 3×3 卷积只在压缩后的薄输入上工作。</p>
<p>网络里完全没有全连接层：和 NiN 一样，最后一个 1×1 卷积为每个类别输出一个通道，全局平均池化把每个通道变成一个得分。汇聚放得靠后，卷积在较大的特征图上工作：这个网络的参数少，计算量却不小。</p>`,
    },
    look: {
      en: 'Compare its totals with AlexNet’s: the parameter counts differ by a factor of about fifty; each Fire module shows the squeeze and the two expand branches joined by a concatenation.',
      zh: '把它的总数与 AlexNet 对比：参数量相差约五十倍；每个 Fire 模块里都能看到压缩卷积和经拼接汇合的两路扩展卷积。',
    },
    concepts: ['one-by-one', 'nin-gap', 'multi-channel'],
  },
  WideResNet: {
    origin: {
      en: 'Sergey Zagoruyko and Nikos Komodakis, École des Ponts ParisTech, 2016 (“Wide residual networks”).',
      zh: 'Sergey Zagoruyko 和 Nikos Komodakis，巴黎路桥学院，2016 年（《Wide residual networks》）。',
    },
    idea: {
      en: `<p>ResNet went deep — 152 layers and more — because residual blocks make depth trainable. Zagoruyko and Komodakis asked whether depth was what helped: they made the blocks <em>wider</em> (more channels) and the network shallower, and a 16-layer wide network matched a 1000-layer thin one on CIFAR while training several times faster, since a GPU runs a few wide layers better than many thin ones.</p>
<p>torchvision’s Wide ResNet-50-2 applies the idea to ImageNet’s ResNet-50: the same four stages of bottleneck blocks, but the 1×1 reduction and the 3×3 convolution inside each block are twice as wide; the block’s output channels, and so the shortcuts, stay as in ResNet-50. The 3×3 convolutions get four times the weights and arithmetic.</p>`,
      zh: `<p>ResNet 走向了深度——152 层甚至更多——因为残差块让很深的网络也能训练。Zagoruyko 和 Komodakis 追问：真正起作用的是深度吗？他们把块做<em>宽</em>（通道更多）、把网络做浅，结果 16 层的宽网络在 CIFAR 上追平了 1000 层的窄网络，训练还快好几倍，因为 GPU 运行少量宽层比运行大量窄层更高效。</p>
<p>torchvision 的 Wide ResNet-50-2 把这个想法用在 ImageNet 的 ResNet-50 上：同样四个阶段的瓶颈块，但每个块内部的 1×1 降维卷积和 3×3 卷积宽了一倍；块的输出通道数以及捷径都与 ResNet-50 相同。3×3 卷积的权重和计算量因此变成四倍。</p>`,
    },
    look: {
      en: 'Compare it with ResNet-50 layer by layer: the same graph, with the inner convolutions of every bottleneck twice as wide; the totals show what width costs.',
      zh: '与 ResNet-50 逐层对比：图完全相同，只是每个瓶颈块内部的卷积宽了一倍；总数显示了加宽的代价。',
    },
    concepts: ['residual', 'one-by-one', 'multi-channel'],
  },
  DenseNet: {
    origin: {
      en: 'Gao Huang, Zhuang Liu, Laurens van der Maaten and Kilian Weinberger, Cornell University, Tsinghua University and Facebook AI Research, 2016 (“Densely connected convolutional networks”); best paper at CVPR 2017.',
      zh: '黄高、刘壮、Laurens van der Maaten 和 Kilian Weinberger，康奈尔大学、清华大学和 Facebook AI 研究院，2016 年（《Densely connected convolutional networks》）；CVPR 2017 最佳论文。',
    },
    idea: {
      en: `<p>ResNet adds a block’s input to its output. DenseNet <em>concatenates</em> instead, and with everything: inside a dense block, each layer reads the channel-wise concatenation of the block’s input and of the outputs of all the layers before it, and contributes only a few new channels — the <em>growth rate</em> k, 32 here. A block of L layers has L(L+1)/2 connections rather than L, features are reused rather than relearned, and each layer can stay narrow.</p>
<p>Since the input of a layer grows by k channels with each layer, every layer starts with a 1×1 convolution to 4k channels (the bottleneck) before its 3×3 convolution to k. Between blocks, a <em>transition</em> (1×1 convolution halving the channels, 2×2 average pooling) shrinks both the channels and the maps. The result has few parameters for its accuracy; the price is memory, because every feature map of a block is kept until the block ends.</p>`,
      zh: `<p>ResNet 把块的输入加到输出上；DenseNet 则改为<em>拼接</em>，而且与前面所有层拼接：在一个稠密块内，每一层的输入是块的输入和它前面所有层输出在通道维上的拼接，而它自己只贡献少量新通道——即<em>增长率</em> k，这里为 32。L 层的块有 L(L+1)/2 条连接而不是 L 条，特征被重复利用而不必重新学习，每一层都可以很窄。</p>
<p>由于每多一层，后面各层的输入就多 k 个通道，每层先用 1×1 卷积降到 4k 个通道（瓶颈），再用 3×3 卷积输出 k 个通道。块与块之间是<em>过渡层</em>（1×1 卷积把通道数减半，2×2 平均汇聚），同时缩小通道数和特征图。这样的网络以很少的参数达到较高的准确率；代价是显存，因为块内所有特征图都要一直保存到块结束。</p>`,
    },
    look: {
      en: 'Open a dense block: each layer’s concatenation reads the block input and every earlier layer, so the channels grow by 32 per layer. Opened in the picture, a block shows every layer wired to every later one: such a block is not a chain of parallel branches, and it is drawn by the general layout engine (elk) rather than the structural one.',
      zh: '展开一个稠密块：每层的拼接都读入块的输入和前面所有层的输出，所以每层之后通道数增加 32。在图中展开一个块，可以看到每层都连到它后面的每一层：这样的块不是一串并行分支，因此由通用布局引擎（elk）而不是结构化布局来绘制。',
    },
    concepts: ['one-by-one', 'residual', 'pooling'],
  },
  ResNeXt: {
    origin: {
      en: 'Saining Xie, Ross Girshick, Piotr Dollár, Zhuowen Tu and Kaiming He, UC San Diego and Facebook AI Research, 2016 (“Aggregated residual transformations for deep neural networks”); second in ImageNet 2016 classification.',
      zh: '谢赛宁、Ross Girshick、Piotr Dollár、屠卓文和何恺明，加州大学圣地亚哥分校与 Facebook AI 研究院，2016 年（《Aggregated residual transformations for deep neural networks》）；ImageNet 2016 分类第二。',
    },
    idea: {
      en: `<p>ResNeXt combines ResNet’s residual block with Inception’s split–transform–merge, but with identical branches: the block’s 3×3 convolution is split into 32 parallel paths of 4 channels each, whose outputs are summed. The number of paths is called the <em>cardinality</em>, and the paper found that raising it helps more than making the network deeper or wider at the same cost.</p>
<p>Identical paths are exactly a <em>grouped convolution</em>: with groups = 32, each group of 4 output channels sees only its own 4 input channels, so the layer has 1/32 of the weights and arithmetic of a full convolution of the same width. ResNeXt-50 32×4d spends what this saves on width: its bottleneck blocks are twice as wide inside as ResNet-50’s, at about the same total cost.</p>`,
      zh: `<p>ResNeXt 把 ResNet 的残差块与 Inception 的“拆分—变换—合并”结合起来，只是各路完全相同：块中的 3×3 卷积被拆成 32 条并行路径，每条 4 个通道，输出再相加。路径的数目叫作<em>基数</em>（cardinality）；论文发现，在代价相同时，增大基数比加深或加宽网络更有效。</p>
<p>相同的多条路径恰好就是<em>分组卷积</em>：groups = 32 时，每组 4 个输出通道只看到自己那 4 个输入通道，所以这一层的权重和计算量只有同宽度普通卷积的 1/32。ResNeXt-50 32×4d 把省下的用于加宽：瓶颈块内部的宽度是 ResNet-50 的两倍，总代价却大致相同。</p>`,
    },
    look: {
      en: 'Compare it with ResNet-50: the same graph and about the same totals, with every 3×3 convolution twice as wide and split into 32 groups — its parameters and MACs in the table are a fraction of a full convolution’s.',
      zh: '与 ResNet-50 对比：图相同，总数也相近，但每个 3×3 卷积宽了一倍并分成 32 组——表中它的参数和乘加次数只是普通卷积的一小部分。',
    },
    concepts: ['multi-channel', 'residual', 'one-by-one'],
  },
  RegNet: {
    origin: {
      en: 'Ilija Radosavovic, Raj Prateek Kosaraju, Ross Girshick, Kaiming He and Piotr Dollár, Facebook AI Research, 2020 (“Designing network design spaces”).',
      zh: 'Ilija Radosavovic、Raj Prateek Kosaraju、Ross Girshick、何恺明和 Piotr Dollár，Facebook AI 研究院，2020 年（《Designing network design spaces》）。',
    },
    idea: {
      en: `<p>Instead of designing one more network, RegNet’s authors designed a <em>design space</em>: a family of ResNeXt-like networks (a stem, four stages of residual bottleneck blocks with grouped 3×3 convolutions, a head) described by a few numbers. They sampled and trained many networks from it, kept the constraints that the good ones shared, and narrowed the space step by step.</p>
<p>What remained is a simple rule: block j would have width w₀ + wₐ·j, growing linearly with depth; the widths are snapped to a geometric ladder w₀·wₘᵏ and to multiples of 8, and runs of equal width become the stages. Four numbers (depth, w₀, wₐ, wₘ) and a group width give a whole network, and a family of them covers every budget from 200 MFLOPs to 32 GFLOPs. “X” models are plain; “Y” models add squeeze-and-excitation.</p>`,
      zh: `<p>RegNet 的作者没有再设计一个网络，而是设计了一个<em>设计空间</em>：一族类似 ResNeXt 的网络（起始层、四个由带分组 3×3 卷积的残差瓶颈块组成的阶段、输出层），由少数几个数描述。他们从中抽样、训练了大量网络，保留好网络共有的约束，一步步缩小这个空间。</p>
<p>最后剩下一条简单的规则：第 j 个块的宽度应为 w₀ + wₐ·j，随深度线性增长；再把宽度对齐到等比的阶梯 w₀·wₘᵏ 和 8 的倍数，宽度相同的连续块组成一个阶段。四个数（深度、w₀、wₐ、wₘ）加上分组宽度就确定整个网络，一族这样的网络覆盖从 200 MFLOPs 到 32 GFLOPs 的各种预算。“X” 系列是普通版本，“Y” 系列加了 squeeze-and-excitation。</p>`,
    },
    look: {
      en: 'The four stages (trunk_output.block1–block4) have 1, 2, 7 and 12 blocks at widths 32, 64, 160 and 400, all computed from depth 22, w₀ = 24, wₐ = 24.48, wₘ = 2.54; every 3×3 convolution has groups of 16 channels.',
      zh: '四个阶段（trunk_output.block1–block4）分别有 1、2、7、12 个块，宽度为 32、64、160、400，都由深度 22、w₀ = 24、wₐ = 24.48、wₘ = 2.54 算出；每个 3×3 卷积按 16 个通道一组分组。',
    },
    concepts: ['residual', 'multi-channel', 'one-by-one'],
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
