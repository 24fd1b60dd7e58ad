/**
 * What is particular to each zoo network: where it comes from (which note, or torchvision),
 * how it differs from the original, its input, and quirks kept from the notes' code
 * (docs/conventions.md lists them). Prose written for this site, HTML, both languages.
 */
import type { Lang } from '../types.js';

export interface VariantText {
  /** Short label of the version inside its family (“the lecture version”). */
  label: Record<Lang, string>;
  /** HTML paragraphs. */
  body: Record<Lang, string>;
}

export const VARIANT_TEXT: Record<string, VariantText> = {
  lenet5: {
    label: { en: 'the notes’ LeNet-5', zh: '讲义中的 LeNet-5' },
    body: {
      en: `<p>This is table 2-1 of the lecture notes (001): MNIST digits at 1×28×28. The original took 32×32 images; the notes pad the first convolution by 2 so that 28×28 digits give the same 28×28 C1 maps, and the rest of the sizes follow as in the paper. Activations are tanh and the pools are averages, as in 1998; the paper’s output layer of radial basis functions is replaced by a plain Linear layer whose scores go to a softmax cross-entropy loss.</p>
<p>The notes train it with plain SGD at a learning rate of 0.9 — unusually high, and it works because tanh keeps the activations bounded.</p>`,
      zh: `<p>这是讲义（001）表 2-1 的网络：1×28×28 的 MNIST 手写数字。原论文的输入是 32×32；讲义给第一个卷积层加了 2 的填充，使 28×28 的数字得到同样 28×28 的 C1 特征图，后面的尺寸与论文一致。激活函数是 tanh，汇聚是平均汇聚，和 1998 年一样；论文输出层的径向基函数 RBF 换成了普通的全连接层，其输出交给 Softmax 交叉熵损失。</p>
<p>讲义用普通 SGD、学习率 0.9 训练——这个学习率少见地高，能行得通是因为 tanh 让激活值保持有界。</p>`,
    },
  },
  'alexnet-mnist': {
    label: { en: 'the lecture version (MNIST at 224)', zh: '课程版本（放大到 224 的 MNIST）' },
    body: {
      en: `<p>Table 3-1 of the lecture notes (001) keeps AlexNet’s layer sizes but trains it on MNIST: the 28×28 digits are resized to 224×224 with one channel, and the output has 10 classes instead of 1000. The first convolution has padding 1, the channels are those of the paper (96, 256, 384, 384, 256), and both 4096-wide hidden layers are kept, with dropout.</p>
<p>The listing in the notes loads FashionMNIST while the text says MNIST; the reported test accuracy fits MNIST, and the preset below trains on MNIST.</p>`,
      zh: `<p>讲义（001）表 3-1 保留了 AlexNet 各层的尺寸，但用 MNIST 训练：28×28 的数字放大到 224×224、单通道，输出从 1000 类改为 10 类。第一个卷积层填充为 1，通道数与论文一致（96、256、384、384、256），两个 4096 宽的隐藏层都保留，并带 Dropout。</p>
<p>讲义的代码加载的是 FashionMNIST，正文却说 MNIST；报告的测试准确率与 MNIST 相符，下面的预设也用 MNIST 训练。</p>`,
    },
  },
  'alexnet-d2l': {
    label: { en: 'the reduced d2l version', zh: '精简的 d2l 版本' },
    body: {
      en: `<p>The AlexNet of note 004, from the Chinese edition of <em>Dive into Deep Learning</em> (d2l): Fashion-MNIST resized to 1×224×224, the first convolution without padding, and only one 4096-wide hidden layer — the second is commented out in the notes so that the network trains on a CPU. The convolutions are the paper’s.</p>
<p>It is trained with Adam (learning rate 0.001) in batches of 16 for 3 epochs; the notes do not print a test accuracy.</p>`,
      zh: `<p>讲义 004 中的 AlexNet，出自《动手学深度学习》（d2l）：Fashion-MNIST 放大到 1×224×224，第一个卷积层不加填充，只有一个 4096 宽的隐藏层——讲义把第二个注释掉了，以便在 CPU 上训练。卷积部分与论文相同。</p>
<p>用 Adam（学习率 0.001）、批量 16 训练 3 轮；讲义没有给出测试准确率。</p>`,
    },
  },
  'torchvision-alexnet': {
    label: { en: 'torchvision’s ImageNet version', zh: 'torchvision 的 ImageNet 版本' },
    body: {
      en: `<p>torchvision’s <code>alexnet()</code> is not the two-GPU network of 2012 but the single-GPU variant from Krizhevsky’s 2014 “One weird trick” paper: 64, 192, 384, 256 and 256 channels, padding 2 in the first convolution, and an adaptive average pool to 6×6 before the classifier so that other input sizes still fit. Input 3×224×224, 1000 ImageNet classes, dropout before each hidden layer.</p>
<p>The notes do not train it; the panel can (slowly) — MNIST digits are resized and repeated on three channels.</p>`,
      zh: `<p>torchvision 的 <code>alexnet()</code> 不是 2012 年的双 GPU 网络，而是 Krizhevsky 2014 年《One weird trick》论文中的单 GPU 版本：通道数为 64、192、384、256、256，第一个卷积层填充 2，分类部分之前有一个输出 6×6 的自适应平均汇聚，以便接受其他输入尺寸。输入 3×224×224，ImageNet 的 1000 个类别，每个隐藏层前有 Dropout。</p>
<p>讲义没有训练它；本页的面板可以训练（较慢）——MNIST 图像会被放大并复制到三个通道。</p>`,
    },
  },
  vgg11: {
    label: { en: 'the notes’ VGG-11', zh: '讲义中的 VGG-11' },
    body: {
      en: `<p>Note 004 builds VGG with a <code>vgg_block(num_convs, in_channels, out_channels)</code> function and the list <code>conv_arch</code>: five blocks with 1, 1, 2, 2 and 2 convolutions — configuration A of the paper, eight convolutions plus three fully connected layers. Input 1×224×224 (Fashion-MNIST resized), 10 classes; after five halvings 224 becomes 7, so the classifier reads 512×7×7.</p>
<p>The notes describe this full-width network but train the version with every width divided by 8 (next in the lineage), because this one is heavy for a laptop.</p>`,
      zh: `<p>讲义 004 用函数 <code>vgg_block(num_convs, in_channels, out_channels)</code> 和列表 <code>conv_arch</code> 搭建 VGG：5 个块分别有 1、1、2、2、2 个卷积层——即论文中的配置 A，8 个卷积层加 3 个全连接层。输入 1×224×224（放大的 Fashion-MNIST），10 个类别；经过 5 次减半，224 变成 7，分类部分读入 512×7×7。</p>
<p>讲义描述的是这个全宽度的网络，实际训练的却是所有宽度除以 8 的版本（谱系中的下一个），因为这个版本对笔记本电脑来说太重了。</p>`,
    },
  },
  'vgg11-small': {
    label: { en: 'the notes’ VGG-11 with widths ÷ 8', zh: '讲义中宽度除以 8 的 VGG-11' },
    body: {
      en: `<p>The network note 004 actually trains: <code>ratio = 8</code> divides every channel count and both hidden widths by 8 (64 becomes 8, 512 becomes 64, 4096 becomes 512). The structure, the input (1×224×224) and the receptive fields are those of the full VGG-11; parameters shrink roughly with the square of the ratio and MACs too, which the totals above and the full VGG-11’s page let you check.</p>`,
      zh: `<p>这是讲义 004 实际训练的网络：<code>ratio = 8</code> 把每层的通道数和两个隐藏层宽度都除以 8（64 变成 8，512 变成 64，4096 变成 512）。结构、输入（1×224×224）和感受野都与完整的 VGG-11 相同；参数量和乘加次数大约按比例的平方缩小，可以对照上面的总数和完整 VGG-11 的页面验证。</p>`,
    },
  },
  'torchvision-vgg11': {
    label: { en: 'torchvision’s VGG-11', zh: 'torchvision 的 VGG-11' },
    body: {
      en: `<p>Configuration A of the paper as torchvision builds it (<code>vgg11()</code>, without batch normalisation): 3×224×224 input, 1000 classes, the convolutions in one <code>features</code> Sequential with max pools between, an adaptive average pool to 7×7, and the three-layer <code>classifier</code>. It is the notes’ VGG-11 with colour input and ImageNet’s classes.</p>`,
      zh: `<p>torchvision 构建的论文配置 A（<code>vgg11()</code>，不带批量归一化）：输入 3×224×224，1000 个类别，卷积层都在一个 <code>features</code> 序列里、中间夹着最大汇聚，之后是输出 7×7 的自适应平均汇聚和三层的 <code>classifier</code>。它就是换成彩色输入和 ImageNet 类别的讲义版 VGG-11。</p>`,
    },
  },
  'torchvision-vgg16': {
    label: { en: 'torchvision’s VGG-16', zh: 'torchvision 的 VGG-16' },
    body: {
      en: `<p>Configuration D, the most used VGG: thirteen 3×3 convolutions (blocks of 2, 2, 3, 3, 3) and the same three fully connected layers, 3×224×224 input, 1000 classes. Compared with VGG-11 the extra convolutions roughly double the arithmetic while the parameter count barely moves, because the parameters were in the classifier all along — compare the two pages.</p>`,
      zh: `<p>配置 D，最常用的 VGG：13 个 3×3 卷积层（分为 2、2、3、3、3 的块）和同样的三个全连接层，输入 3×224×224，1000 个类别。与 VGG-11 相比，多出的卷积层让计算量大约翻倍，参数量却变化不大，因为参数本来就在分类部分——可以对照两个页面。</p>`,
    },
  },
  nin: {
    label: { en: 'the notes’ NiN (d2l)', zh: '讲义中的 NiN（d2l）' },
    body: {
      en: `<p>Note 004’s NiN: four <code>nin_block</code>s (an 11×11, 5×5 and 3×3 convolution with the AlexNet strides, each followed by two 1×1 convolutions), max pools between them, dropout, and a last block with 10 output channels — one per Fashion-MNIST class — before global average pooling. Input 1×224×224. The notes write their own <code>GlobalAvgPool2d</code> (an average pool as large as the map); here it is PyTorch’s adaptive average pooling to 1×1, which computes the same thing.</p>`,
      zh: `<p>讲义 004 中的 NiN：4 个 <code>nin_block</code>（分别以 11×11、5×5、3×3 卷积开头，步幅与 AlexNet 相同，各接两个 1×1 卷积），块之间是最大汇聚，然后是 Dropout，最后一个块输出 10 个通道——Fashion-MNIST 每类一个——再接全局平均池化。输入 1×224×224。讲义自己写了 <code>GlobalAvgPool2d</code>（窗口与特征图一样大的平均汇聚）；这里用 PyTorch 输出 1×1 的自适应平均汇聚，计算结果相同。</p>`,
    },
  },
  'googlenet-mini': {
    label: { en: 'the lecture version', zh: '课程版本' },
    body: {
      en: `<p>The GoogLeNet of the lecture notes (001 §4; notes 000 and 003 build the same network) is a teaching model for MNIST at 1×28×28: a 5×5 convolution, an Inception block, another 5×5 convolution, a second Inception block, and one Linear layer on the flattened 88×4×4 map. Its Inception block has the paper’s four branches with fixed widths 16, 24, 24 and 24 (88 channels): 1×1; 1×1 → 3×3 → 3×3; 1×1 → 5×5; and a 1×1 “pool” branch.</p>
<p>Two details are kept as the notes write them: the block has no activation inside it, and 001’s fourth branch has no pooling (000 and 003 put a 3×3 average pool before its 1×1 convolution, which changes neither shapes nor parameters). Note that the first block’s input has only 10 channels, so its 1×1 “reductions” to 16 channels widen rather than reduce — the table below shows what that costs.</p>`,
      zh: `<p>讲义（001 第四节；000 和 003 也搭建了同一个网络）中的 GoogLeNet 是一个 1×28×28 MNIST 上的教学模型：一个 5×5 卷积、一个 Inception 块、再一个 5×5 卷积、第二个 Inception 块，最后一个全连接层读入拉平的 88×4×4 特征图。它的 Inception 块有论文中的四条路径，宽度固定为 16、24、24、24（共 88 个通道）：1×1；1×1 → 3×3 → 3×3；1×1 → 5×5；以及一条 1×1 的“汇聚”路径。</p>
<p>有两处细节按讲义原样保留：块内没有激活函数；001 的第四条路径没有汇聚（000 和 003 在其 1×1 卷积前加了 3×3 平均汇聚，形状和参数都不变）。注意第一个块的输入只有 10 个通道，所以 1×1 卷积“降维”到 16 个通道其实是升维——下表算出了这样做的代价。</p>`,
    },
  },
  googlenet: {
    label: { en: 'the d2l version (96×96)', zh: 'd2l 版本（96×96）' },
    body: {
      en: `<p>Note 004’s GoogLeNet (from d2l) has the paper’s full body — blocks b1 to b5, nine Inception blocks with the paper’s channel counts, global average pooling and one Linear layer — but reads 1×96×96 Fashion-MNIST images and outputs 10 classes, and it has no auxiliary classifiers. With a 96×96 input the maps entering the last blocks are 3×3 rather than 7×7.</p>
<p>Kept as the notes write it: block b2 has no ReLU between its 1×1 and 3×3 convolutions. The author of 004 says this is the one network of the note he did not run.</p>`,
      zh: `<p>讲义 004 的 GoogLeNet（来自 d2l）具有论文的完整主体——b1 到 b5 五个模块、通道数与论文相同的 9 个 Inception 块、全局平均池化和一个全连接层——但输入是 1×96×96 的 Fashion-MNIST，输出 10 类，也没有辅助分类器。输入为 96×96 时，进入最后几个块的特征图是 3×3 而不是 7×7。</p>
<p>按讲义原样保留：b2 模块的 1×1 和 3×3 卷积之间没有 ReLU。004 的作者说，这是该笔记中唯一没有在本地运行过的网络。</p>`,
    },
  },
  'googlenet-paper': {
    label: { en: 'the paper’s network (note 002)', zh: '论文中的网络（讲义 002）' },
    body: {
      en: `<p>GoogLeNet as in the paper and note 002: 3×224×224 input, 1000 classes, a stem of 7×7 and 3×3 convolutions, Inception 3a to 5b with the paper’s table of channels, max pools with ceil_mode, global average pooling, dropout 0.4 and one Linear layer. Each convolution is a <code>BasicConv2d</code> (convolution plus ReLU).</p>
<p>The two auxiliary classifiers branch off after Inception 4a and 4d: average pool 5×5 stride 3, a 1×1 convolution to 128 channels, two Linear layers. They exist only in training — their loss is added with weight 0.3 — so the MACs above exclude them while the parameter count, as PyTorch reports it, includes them.</p>`,
      zh: `<p>论文和讲义 002 中的 GoogLeNet：输入 3×224×224，1000 个类别，开头是 7×7 和 3×3 卷积，然后是按论文通道表配置的 Inception 3a 到 5b，最大汇聚使用 ceil_mode，最后是全局平均池化、0.4 的 Dropout 和一个全连接层。每个卷积都是 <code>BasicConv2d</code>（卷积加 ReLU）。</p>
<p>两个辅助分类器分别从 Inception 4a 和 4d 之后引出：5×5、步幅 3 的平均汇聚，1×1 卷积到 128 个通道，两个全连接层。它们只在训练时存在——损失以 0.3 的权重相加——所以上面的乘加次数不包括它们，而参数量按 PyTorch 的统计方式包括它们。</p>`,
    },
  },
  'torchvision-googlenet': {
    label: { en: 'torchvision’s GoogLeNet', zh: 'torchvision 的 GoogLeNet' },
    body: {
      en: `<p>torchvision’s <code>googlenet(aux_logits=False)</code>: the paper’s layout with batch normalisation after every convolution (the convolutions lose their bias), dropout 0.2, and no auxiliary heads. One known deviation from the paper is kept by torchvision for compatibility with its trained weights: the “5×5” branch uses a 3×3 kernel, which the branch table below reflects.</p>`,
      zh: `<p>torchvision 的 <code>googlenet(aux_logits=False)</code>：论文的结构，每个卷积后加批量归一化（卷积因此去掉偏置），Dropout 为 0.2，没有辅助分类器。torchvision 为了兼容已训练的权重保留了一处与论文不同的地方：“5×5”路径用的是 3×3 卷积核，下面的路径表如实反映了这一点。</p>`,
    },
  },
  'resnet-mini': {
    label: { en: 'the lecture version', zh: '课程版本' },
    body: {
      en: `<p>The residual network of the lecture notes (001 §5; 000 and 003 build the same one) for MNIST at 1×28×28: a 5×5 convolution to 16 channels, a residual block, a 5×5 convolution to 32 channels, a second residual block, and a Linear layer on the flattened 32×4×4 map. Each block is convolution–ReLU–convolution (3×3, padding 1, channels unchanged) and returns ReLU(x + y), so both shortcuts are identities.</p>`,
      zh: `<p>讲义（001 第五节；000 和 003 也搭建了同一个网络）中 1×28×28 MNIST 上的残差网络：5×5 卷积到 16 个通道、一个残差块、5×5 卷积到 32 个通道、第二个残差块，最后一个全连接层读入拉平的 32×4×4 特征图。每个块是“卷积–ReLU–卷积”（3×3、填充 1、通道数不变），返回 ReLU(x + y)，所以两条捷径都是恒等映射。</p>`,
    },
  },
  'torchvision-resnet18': {
    label: { en: 'torchvision’s ResNet-18', zh: 'torchvision 的 ResNet-18' },
    body: {
      en: `<p>ResNet-18 as torchvision builds it: a 7×7 stride-2 stem with batch normalisation and a max pool, four stages of two <code>BasicBlock</code>s (two 3×3 convolutions each) at 64, 128, 256 and 512 channels, global average pooling and one Linear layer to 1000 classes. The first block of stages 2–4 halves the size with stride 2 and needs a projection shortcut.</p>`,
      zh: `<p>torchvision 构建的 ResNet-18：7×7、步幅 2 的起始卷积加批量归一化和最大汇聚，四个阶段各有两个 <code>BasicBlock</code>（每个两层 3×3 卷积），通道数分别为 64、128、256、512，最后是全局平均池化和一个输出 1000 类的全连接层。第 2–4 阶段的第一个块用步幅 2 把尺寸减半，需要投影捷径。</p>`,
    },
  },
  'torchvision-resnet34': {
    label: { en: 'torchvision’s ResNet-34', zh: 'torchvision 的 ResNet-34' },
    body: {
      en: `<p>ResNet-34: the same <code>BasicBlock</code> as ResNet-18, with 3, 4, 6 and 3 blocks per stage. This is the network of the paper’s famous comparison: the plain 34-layer network trains worse than the plain 18-layer one, and the residual 34-layer network trains better.</p>`,
      zh: `<p>ResNet-34：与 ResNet-18 相同的 <code>BasicBlock</code>，四个阶段分别有 3、4、6、3 个块。论文中著名的对比就是用它做的：34 层的普通网络训练得比 18 层的还差，而 34 层的残差网络训练得更好。</p>`,
    },
  },
  'torchvision-resnet50': {
    label: { en: 'torchvision’s ResNet-50', zh: 'torchvision 的 ResNet-50' },
    body: {
      en: `<p>ResNet-50 replaces each two-layer block with a three-layer <code>Bottleneck</code>: a 1×1 convolution reduces the channels to a quarter, a 3×3 works at that width, and a 1×1 expands again (stages output 256, 512, 1024 and 2048 channels), with 3, 4, 6 and 3 blocks. torchvision’s version is “v1.5”: the stride that halves the size sits on the 3×3 convolution rather than on the first 1×1, which costs a little more and is a little more accurate.</p>`,
      zh: `<p>ResNet-50 把每个两层的块换成三层的 <code>Bottleneck</code>（瓶颈块）：1×1 卷积把通道降到四分之一，3×3 卷积在这个宽度上工作，再用 1×1 卷积升维（四个阶段分别输出 256、512、1024、2048 个通道），各有 3、4、6、3 个块。torchvision 的是“v1.5”版：把尺寸减半的步幅放在 3×3 卷积上而不是第一个 1×1 上，计算略多，准确率略高。</p>`,
    },
  },
  'torchvision-resnet152': {
    label: { en: 'torchvision’s ResNet-152', zh: 'torchvision 的 ResNet-152' },
    body: {
      en: `<p>ResNet-152, the depth that won ImageNet 2015: the bottleneck blocks of ResNet-50 in stages of 3, 8, 36 and 3. Compare its totals with VGG-16’s: many times deeper, yet with fewer MACs than VGG-16 and a fraction of its parameters — bottlenecks and global average pooling at work.</p>`,
      zh: `<p>ResNet-152，赢得 ImageNet 2015 的深度：ResNet-50 的瓶颈块，四个阶段分别有 3、8、36、3 个块。把它的总数与 VGG-16 对比：深了许多倍，乘加次数却比 VGG-16 少，参数量也只有其一小部分——这是瓶颈块和全局平均池化的功劳。</p>`,
    },
  },
  'torchvision-vgg19-bn': {
    label: { en: 'torchvision’s VGG-19 with batch normalisation', zh: 'torchvision 带批量归一化的 VGG-19' },
    body: {
      en: `<p>Configuration E, the deepest VGG: sixteen 3×3 convolutions (blocks of 2, 2, 4, 4, 4) and the three fully connected layers, 3×224×224 input, 1000 classes. torchvision’s <code>vgg19_bn()</code> puts a <code>BatchNorm2d</code> between every convolution and its ReLU, which the 2014 paper did not have (batch normalisation came in 2015); it makes the deep stack train without the paper’s staged initialisation and adds two parameters per channel (its scale and shift). Because the BatchNorms sit inside <code>features</code>, the module paths are numbered differently from VGG-16’s.</p>`,
      zh: `<p>配置 E，最深的 VGG：16 个 3×3 卷积层（分为 2、2、4、4、4 的块）和三个全连接层，输入 3×224×224，1000 个类别。torchvision 的 <code>vgg19_bn()</code> 在每个卷积层和它的 ReLU 之间加了 <code>BatchNorm2d</code>，2014 年的论文里没有它（批量归一化出现于 2015 年）；有了它，这么深的网络不需要论文中分阶段的初始化也能训练，每个通道只多两个参数（缩放和平移）。由于批量归一化层也在 <code>features</code> 里，模块路径的编号与 VGG-16 不同。</p>`,
    },
  },
  'torchvision-inception-v3': {
    label: { en: 'torchvision’s Inception-v3, with its auxiliary classifier', zh: 'torchvision 的 Inception-v3，含辅助分类器' },
    body: {
      en: `<p><code>inception_v3()</code> as torchvision builds it with <code>weights=None</code>: 3×299×299 input, a stem of five <code>BasicConv2d</code> (convolution, BatchNorm, ReLU) and two max pools down to 35×35, three <code>InceptionA</code> blocks (Mixed_5b–5d), the reduction <code>InceptionB</code> to 17×17, four <code>InceptionC</code> with 1×7 and 7×1 convolutions, the reduction <code>InceptionD</code> to 8×8, and two <code>InceptionE</code>, then global average pooling, dropout and one Linear layer. The pools inside the blocks are functions (<code>F.avg_pool2d</code>, <code>F.max_pool2d</code>) rather than modules, as in torchvision’s code.</p>
<p><code>AuxLogits</code>, after Mixed_6e, is the auxiliary classifier: it runs only in training, and torchvision’s training reference adds its loss with weight 0.4. As with GoogLeNet’s heads, its parameters count in the total and its MACs do not count in inference.</p>`,
      zh: `<p>torchvision 以 <code>weights=None</code> 构建的 <code>inception_v3()</code>：输入 3×299×299，起始部分是五个 <code>BasicConv2d</code>（卷积、批量归一化、ReLU）和两个最大汇聚，降到 35×35；然后是三个 <code>InceptionA</code>（Mixed_5b–5d）、缩减到 17×17 的 <code>InceptionB</code>、四个带 1×7 和 7×1 卷积的 <code>InceptionC</code>、缩减到 8×8 的 <code>InceptionD</code> 和两个 <code>InceptionE</code>，最后是全局平均池化、Dropout 和一个全连接层。块内的汇聚和 torchvision 代码中一样是函数（<code>F.avg_pool2d</code>、<code>F.max_pool2d</code>）而不是模块。</p>
<p>Mixed_6e 之后的 <code>AuxLogits</code> 是辅助分类器：只在训练时运行，torchvision 的训练脚本以 0.4 的权重加上它的损失。和 GoogLeNet 的辅助分类器一样，它的参数计入总数，乘加次数不计入推理。</p>`,
    },
  },
  'torchvision-squeezenet1-0': {
    label: { en: 'torchvision’s SqueezeNet 1.0', zh: 'torchvision 的 SqueezeNet 1.0' },
    body: {
      en: `<p>The paper’s SqueezeNet as <code>squeezenet1_0()</code> builds it: a 7×7 stride-2 convolution to 96 channels, eight <code>Fire</code> modules with max pools (ceil_mode) after the first convolution, after the third Fire and after the seventh, and a classifier of dropout, a 1×1 convolution to 1000 channels, ReLU and adaptive average pooling; <code>torch.flatten</code> gives the scores. Input 3×224×224. torchvision’s SqueezeNet 1.1 (not in this zoo) starts with a 3×3 convolution and pools earlier, for about 2.4 times less arithmetic at the same accuracy.</p>`,
      zh: `<p><code>squeezenet1_0()</code> 构建的论文版 SqueezeNet：7×7、步幅 2 的卷积到 96 个通道，8 个 <code>Fire</code> 模块，最大汇聚（ceil_mode）分别位于第一个卷积之后、第三个和第七个 Fire 之后；分类部分是 Dropout、输出 1000 个通道的 1×1 卷积、ReLU 和自适应平均汇聚，再由 <code>torch.flatten</code> 得到得分。输入 3×224×224。torchvision 的 SqueezeNet 1.1（不在本站中）以 3×3 卷积开头、更早汇聚，准确率相同而计算量约为 1.0 的 1/2.4。</p>`,
    },
  },
  'torchvision-wide-resnet50-2': {
    label: { en: 'torchvision’s Wide ResNet-50-2', zh: 'torchvision 的 Wide ResNet-50-2' },
    body: {
      en: `<p><code>wide_resnet50_2()</code> is torchvision’s <code>ResNet</code> class with ResNet-50’s <code>Bottleneck</code> blocks [3, 4, 6, 3] and <code>width_per_group=128</code> instead of 64: inside each block the 1×1 reduction and the 3×3 convolution have twice the channels (128 instead of 64 in the first stage, up to 1024 instead of 512 in the last), while the block outputs (256 to 2048 channels) and the shortcuts are ResNet-50’s. The module paths are identical to ResNet-50’s, so the two pages can be read side by side.</p>`,
      zh: `<p><code>wide_resnet50_2()</code> 就是 torchvision 的 <code>ResNet</code> 类，用 ResNet-50 的 <code>Bottleneck</code> 块 [3, 4, 6, 3]，只是 <code>width_per_group=128</code> 而不是 64：每个块内部的 1×1 降维卷积和 3×3 卷积通道数翻倍（第一阶段 128 而不是 64，最后一阶段 1024 而不是 512），而块的输出（256 到 2048 个通道）和捷径都与 ResNet-50 相同。模块路径与 ResNet-50 完全一致，两个页面可以对照阅读。</p>`,
    },
  },
  'torchvision-densenet121': {
    label: { en: 'torchvision’s DenseNet-121', zh: 'torchvision 的 DenseNet-121' },
    body: {
      en: `<p><code>densenet121()</code>: growth rate 32, four dense blocks of 6, 12, 24 and 16 <code>_DenseLayer</code>s, a <code>_Transition</code> after each of the first three, all inside one <code>features</code> Sequential that starts with a 7×7 stride-2 convolution and a max pool, and ends with a BatchNorm (<code>norm5</code>). Each dense layer begins with <code>torch.cat</code> of everything before it in its block, and each block returns the concatenation of its input and all its layers’ outputs; the channels go 64 → 256 → 128 → 512 → 256 → 1024 → 512 → 1024. The forward pass then applies <code>F.relu</code>, <code>F.adaptive_avg_pool2d</code> and <code>torch.flatten</code> as functions, and one Linear layer (<code>classifier</code>). 121 counts the convolutions and the Linear layer.</p>`,
      zh: `<p><code>densenet121()</code>：增长率 32，四个稠密块分别有 6、12、24、16 个 <code>_DenseLayer</code>，前三个块之后各有一个 <code>_Transition</code>，全部在一个 <code>features</code> 序列里；序列以 7×7、步幅 2 的卷积和最大汇聚开头，以一个批量归一化层（<code>norm5</code>）结束。每个稠密层先用 <code>torch.cat</code> 拼接块内它之前的全部输出，每个块返回其输入与所有层输出的拼接；通道数依次为 64 → 256 → 128 → 512 → 256 → 1024 → 512 → 1024。前向传播随后以函数形式调用 <code>F.relu</code>、<code>F.adaptive_avg_pool2d</code> 和 <code>torch.flatten</code>，最后是一个全连接层（<code>classifier</code>）。121 是卷积层和全连接层的个数。</p>`,
    },
  },
  'torchvision-resnext50-32x4d': {
    label: { en: 'torchvision’s ResNeXt-50 32×4d', zh: 'torchvision 的 ResNeXt-50 32×4d' },
    body: {
      en: `<p><code>resnext50_32x4d()</code> is torchvision’s <code>ResNet</code> class with <code>groups=32</code> and <code>width_per_group=4</code>: ResNet-50’s stages of <code>Bottleneck</code> blocks [3, 4, 6, 3], where each block is 32 × 4 = 128 channels wide inside in the first stage (ResNet-50: 64), doubling per stage, and its 3×3 convolution has <code>groups=32</code>. The block outputs and the shortcuts are ResNet-50’s, and so are the module paths.</p>`,
      zh: `<p><code>resnext50_32x4d()</code> 就是 torchvision 的 <code>ResNet</code> 类，取 <code>groups=32</code>、<code>width_per_group=4</code>：ResNet-50 的 <code>Bottleneck</code> 块 [3, 4, 6, 3]，第一阶段每个块内部宽 32 × 4 = 128 个通道（ResNet-50 为 64），之后每个阶段翻倍，块中的 3×3 卷积为 <code>groups=32</code>。块的输出、捷径以及模块路径都与 ResNet-50 相同。</p>`,
    },
  },
  'torchvision-regnet-x-400mf': {
    label: { en: 'torchvision’s RegNetX-400MF', zh: 'torchvision 的 RegNetX-400MF' },
    body: {
      en: `<p><code>regnet_x_400mf()</code>: the RegNetX network of about 400 million multiply–adds, from depth 22, w₀ = 24, wₐ = 24.48, wₘ = 2.54 and group width 16. A <code>SimpleStemIN</code> (3×3 stride-2 convolution to 32 channels, BatchNorm, ReLU), then <code>trunk_output</code> with four <code>AnyStage</code>s of <code>ResBottleneckBlock</code>s; each block computes <code>proj(x) + f(x)</code> (or <code>x + f(x)</code>) and a ReLU, where <code>f</code> is 1×1, grouped 3×3 and 1×1 convolutions (<code>Conv2dNormActivation</code>s named a, b, c) at the stage’s width — the bottleneck ratio is 1, so nothing is reduced. The first block of each stage has stride 2 and a projection. Global average pooling and one Linear layer end it.</p>`,
      zh: `<p><code>regnet_x_400mf()</code>：约 4 亿次乘加的 RegNetX 网络，由深度 22、w₀ = 24、wₐ = 24.48、wₘ = 2.54 和分组宽度 16 得出。先是 <code>SimpleStemIN</code>（3×3、步幅 2 的卷积到 32 个通道，批量归一化，ReLU），然后是 <code>trunk_output</code>，其中四个 <code>AnyStage</code> 由 <code>ResBottleneckBlock</code> 组成；每个块计算 <code>proj(x) + f(x)</code>（或 <code>x + f(x)</code>）再接 ReLU，其中 <code>f</code> 是阶段宽度上的 1×1、分组 3×3 和 1×1 卷积（名为 a、b、c 的 <code>Conv2dNormActivation</code>）——瓶颈比为 1，所以并不降维。每个阶段的第一个块步幅为 2 并带投影。最后是全局平均池化和一个全连接层。</p>`,
    },
  },
  'torchvision-shufflenet-v2-x1-0': {
    label: { en: 'torchvision’s ShuffleNet v2 1.0×', zh: 'torchvision 的 ShuffleNet v2 1.0×' },
    body: {
      en: `<p>torchvision’s <code>shufflenet_v2_x1_0()</code>: a 3×3 stride-2 convolution to 24 channels and a max pool, three stages of 4, 8 and 4 <code>InvertedResidual</code> units at 116, 232 and 464 channels (the first of each halves the size), a 1×1 convolution to 1024 channels, the mean over height and width and one Linear layer. torchvision shuffles with its own <code>channel_shuffle(x, 2)</code> function (view, transpose, view), drawn here as a functional ChannelShuffle; the halves of <code>x.chunk(2, dim=1)</code> are the layers x1 and x2.</p>`,
      zh: `<p>torchvision 的 <code>shufflenet_v2_x1_0()</code>：步幅 2 的 3×3 卷积到 24 个通道加最大汇聚，三个阶段分别有 4、8、4 个 <code>InvertedResidual</code> 单元，通道数为 116、232、464（每个阶段的第一个单元把尺寸减半），然后是到 1024 个通道的 1×1 卷积、对高和宽求平均和一个全连接层。torchvision 用自己的 <code>channel_shuffle(x, 2)</code> 函数（view、转置、view）做混洗，这里画成函数式的 ChannelShuffle；<code>x.chunk(2, dim=1)</code> 的两半是 x1 和 x2 两层。</p>`,
    },
  },
  'torchvision-convnext-tiny': {
    label: { en: 'torchvision’s ConvNeXt-T', zh: 'torchvision 的 ConvNeXt-T' },
    body: {
      en: `<p>torchvision’s <code>convnext_tiny()</code>: the 4×4 stride-4 stem with LayerNorm2d, four stages of 3, 3, 9 and 3 <code>CNBlock</code>s at 96, 192, 384 and 768 channels with a LayerNorm2d and 2×2 stride-2 convolution between them, global average pooling, and a classifier of LayerNorm2d, Flatten and Linear. Each block’s <code>layer_scale</code> is a parameter of the block itself, not of a layer, so it appears as a Parameter under its own name; stochastic depth grows from 0 in the first block to 0.1 in the last and does nothing at inference.</p>`,
      zh: `<p>torchvision 的 <code>convnext_tiny()</code>：带 LayerNorm2d 的 4×4、步幅 4 的起始层，四个阶段分别有 3、3、9、3 个 <code>CNBlock</code>，通道数为 96、192、384、768，阶段之间是 LayerNorm2d 和 2×2、步幅 2 的卷积，最后是全局平均池化和由 LayerNorm2d、Flatten、全连接层组成的分类器。每个块的 <code>layer_scale</code> 是块本身的参数而不属于某一层，所以它以自己的名字显示为一个 Parameter；随机深度的概率从第一个块的 0 增长到最后一个块的 0.1，推理时不起作用。</p>`,
    },
  },
  'torchvision-mobilenet-v2': {
    label: { en: 'torchvision’s MobileNet v2', zh: 'torchvision 的 MobileNet v2' },
    body: {
      en: `<p>MobileNet v2 as torchvision builds it: a 3×3 stride-2 stem to 32 channels, then 17 <code>InvertedResidual</code> blocks in seven groups (expansion t, width c, repeats n, first stride s from the paper’s table: 1·16·1·1, 6·24·2·2, 6·32·3·2, 6·64·4·2, 6·96·3·1, 6·160·3·2, 6·320·1·1), a 1×1 convolution to 1280 channels, global average pooling, dropout 0.2 and one Linear layer. Each convolution with its BatchNorm and ReLU6 is a <code>Conv2dNormActivation</code>; inside a block, <code>conv</code> holds the expansion (left out when t = 1), the depthwise 3×3 and the linear projection (a plain Conv2d and BatchNorm, no activation).</p>
<p>Ten of the blocks keep their shape and return <code>x + conv(x)</code>. The head calls <code>nn.functional.adaptive_avg_pool2d</code> and <code>torch.flatten</code> as functions, so they have no module path.</p>`,
      zh: `<p>torchvision 构建的 MobileNet v2：3×3、步幅 2 的起始卷积到 32 个通道，然后是分成七组的 17 个 <code>InvertedResidual</code> 块（扩展倍数 t、宽度 c、重复次数 n、首块步幅 s，取自论文的表格：1·16·1·1、6·24·2·2、6·32·3·2、6·64·4·2、6·96·3·1、6·160·3·2、6·320·1·1），再用 1×1 卷积升到 1280 个通道，最后是全局平均池化、0.2 的 Dropout 和一个全连接层。每个“卷积 + BatchNorm + ReLU6”都是一个 <code>Conv2dNormActivation</code>；块内的 <code>conv</code> 依次是扩展卷积（t = 1 时省略）、逐通道 3×3 卷积和线性投影（普通的 Conv2d 和 BatchNorm，不加激活函数）。</p>
<p>其中十个块保持形状不变，返回 <code>x + conv(x)</code>。网络头部以函数形式调用 <code>nn.functional.adaptive_avg_pool2d</code> 和 <code>torch.flatten</code>，所以它们没有模块路径。</p>`,
    },
  },
  'torchvision-mobilenet-v3-small': {
    label: { en: 'torchvision’s MobileNet v3 small', zh: 'torchvision 的 MobileNet v3 small' },
    body: {
      en: `<p>The small MobileNet v3 as torchvision builds it: a 3×3 stride-2 stem to 16 channels with Hardswish, 11 <code>InvertedResidual</code> blocks with kernels of 3 or 5, ReLU in the first three and Hardswish after, a <code>SqueezeExcitation</code> in all but the second and third, then a 1×1 convolution to 576 channels, global average pooling, Linear(576, 1024), Hardswish, dropout 0.2 and Linear(1024, 1000). BatchNorm here uses eps 0.001 and momentum 0.01.</p>
<p>A <code>SqueezeExcitation</code> squeezes to a quarter of the channels rounded to a multiple of 8: <code>avgpool</code>, <code>fc1</code> (a 1×1 convolution with bias), ReLU, <code>fc2</code>, a Hardsigmoid gate, and <code>scale * input</code> — a functional multiplication, drawn as Mul, that broadcasts the C×1×1 gate over the C×H×W map. Blocks that keep their shape add their input back.</p>`,
      zh: `<p>torchvision 构建的小型 MobileNet v3：3×3、步幅 2 的起始卷积到 16 个通道并接 Hardswish，然后是 11 个 <code>InvertedResidual</code> 块，卷积核为 3 或 5，前三个块用 ReLU、之后用 Hardswish，除第二、第三个块外都有 <code>SqueezeExcitation</code>；接着用 1×1 卷积升到 576 个通道，全局平均池化，Linear(576, 1024)、Hardswish、0.2 的 Dropout 和 Linear(1024, 1000)。这里的 BatchNorm 使用 eps 0.001、momentum 0.01。</p>
<p><code>SqueezeExcitation</code> 把通道压缩到四分之一（取 8 的倍数）：<code>avgpool</code>、<code>fc1</code>（带偏置的 1×1 卷积）、ReLU、<code>fc2</code>、Hardsigmoid 门控，最后是 <code>scale * input</code>——一个函数式的乘法，图中画作 Mul，把 C×1×1 的门控广播到 C×H×W 的特征图上。保持形状不变的块会把输入加回去。</p>`,
    },
  },
  'torchvision-mnasnet0-5': {
    label: { en: 'torchvision’s MnasNet 0.5', zh: 'torchvision 的 MnasNet 0.5' },
    body: {
      en: `<p>MnasNet-B1 at width multiplier 0.5, as torchvision builds it: every width of the full network is halved and rounded to a multiple of 8 (16, 8, 16, 24, 40, 48, 96, 160 channels), except the final 1×1 convolution to 1280. The whole body is one Sequential, <code>layers</code>: a 3×3 stride-2 convolution, a depthwise separable pair, six stacks of <code>_InvertedResidual</code> blocks (3, 3, 3, 2, 4 and 1 blocks; kernels 3, 5, 5, 3, 5, 3; expansion 3 in the first two stacks, 6 after), and the 1×1 convolution. The head is <code>x.mean([2, 3])</code>, dropout 0.2 and one Linear layer.</p>
<p>BatchNorm uses momentum 1 − 0.9997 (about 0.0003), TensorFlow’s decay of 0.9997 written the PyTorch way. There is no squeeze-and-excitation in this version.</p>`,
      zh: `<p>torchvision 构建的宽度系数为 0.5 的 MnasNet-B1：完整网络的每个宽度都减半并取 8 的倍数（16、8、16、24、40、48、96、160 个通道），只有最后到 1280 的 1×1 卷积不变。整个主体是一个 Sequential，即 <code>layers</code>：一个 3×3、步幅 2 的卷积，一对深度可分离卷积，六个由 <code>_InvertedResidual</code> 块组成的堆叠（分别有 3、3、3、2、4、1 个块；卷积核 3、5、5、3、5、3；前两个堆叠扩展 3 倍，之后 6 倍），以及那个 1×1 卷积。头部是 <code>x.mean([2, 3])</code>、0.2 的 Dropout 和一个全连接层。</p>
<p>BatchNorm 的 momentum 是 1 − 0.9997（约 0.0003），也就是 TensorFlow 的衰减率 0.9997 换成 PyTorch 的写法。这个版本没有挤压-激励。</p>`,
    },
  },
  'torchvision-efficientnet-b0': {
    label: { en: 'torchvision’s EfficientNet-B0', zh: 'torchvision 的 EfficientNet-B0' },
    body: {
      en: `<p>EfficientNet-B0, the base of the family, as torchvision builds it: a 3×3 stride-2 stem to 32 channels, seven stages of <code>MBConv</code> blocks (1, 2, 2, 3, 3, 4 and 1 blocks; kernels 3, 3, 5, 3, 5, 5, 3; widths 16, 24, 40, 80, 112, 192, 320; expansion 1 in the first stage, 6 after), a 1×1 convolution to 1280, global average pooling, dropout 0.2 and one Linear layer. Every activation is SiLU.</p>
<p>Each block’s <code>SqueezeExcitation</code> squeezes to a quarter of the block’s <em>input</em> channels and gates with a Sigmoid. The nine blocks that keep their shape pass their branch through <code>stochastic_depth</code> before adding the input back, with p = 0.2 × (block index) / 16: from 0.025 in <code>features.2.1</code> to 0.175 in <code>features.6.3</code>. It drops the branch only in training; the analysis, like PyTorch’s <code>eval()</code>, sees an identity.</p>`,
      zh: `<p>torchvision 构建的 EfficientNet-B0，整个系列的基础网络：3×3、步幅 2 的起始卷积到 32 个通道，七个阶段的 <code>MBConv</code> 块（分别有 1、2、2、3、3、4、1 个块；卷积核 3、3、5、3、5、5、3；宽度 16、24、40、80、112、192、320；第一阶段扩展 1 倍，之后 6 倍），再用 1×1 卷积升到 1280，最后是全局平均池化、0.2 的 Dropout 和一个全连接层。所有激活函数都是 SiLU。</p>
<p>每个块的 <code>SqueezeExcitation</code> 把通道压缩到块<em>输入</em>通道数的四分之一，并用 Sigmoid 做门控。保持形状不变的九个块先让分支经过 <code>stochastic_depth</code>，再把输入加回去，p = 0.2 × 块序号 / 16：从 <code>features.2.1</code> 的 0.025 到 <code>features.6.3</code> 的 0.175。它只在训练时丢弃分支；分析和 PyTorch 的 <code>eval()</code> 一样，把它看作恒等映射。</p>`,
    },
  },
};
