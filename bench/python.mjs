// Reading PyTorch source (src/import/python): a ~500-line ResNet-like file, written out
// block by block as a student would (no loops), parsed, built and traced; median of many runs.
import { bundle, machine, timeIt } from './lib.mjs';

const { readPython } = await bundle('src/import/python/index.ts', 'python');
const { analyze } = await bundle('src/index.ts', 'analysis');

/** A ResNet-34-like network: every BasicBlock assigned on its own lines, forward written out. */
function resnetFile() {
  const lines = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', '# input: 3x224x224', '', '', 'class BasicBlock(nn.Module):', '    def __init__(self, cin, cout, stride=1):', '        super().__init__()', '        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)', '        self.bn1 = nn.BatchNorm2d(cout)', '        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)', '        self.bn2 = nn.BatchNorm2d(cout)', '        if stride != 1 or cin != cout:', '            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))', '        else:', '            self.down = nn.Identity()', '', '    def forward(self, x):', '        y = F.relu(self.bn1(self.conv1(x)))', '        y = self.bn2(self.conv2(y))', '        return F.relu(y + self.down(x))', '', ''];
  lines.push('class Net(nn.Module):', '    def __init__(self, num_classes=1000):', '        super().__init__()', '        self.conv1 = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)', '        self.bn1 = nn.BatchNorm2d(64)', '        self.pool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)');
  const stages = [[64, 3], [128, 4], [256, 6], [512, 3]];
  const names = [];
  let cin = 64;
  stages.forEach(([c, n], s) => {
    for (let b = 0; b < n; b++) {
      const stride = b === 0 && s > 0 ? 2 : 1;
      const name = `block${s + 1}_${b + 1}`;
      names.push(name);
      lines.push(`        # stage ${s + 1}, block ${b + 1}: ${cin} -> ${c} channels, stride ${stride}`);
      lines.push(`        self.${name} = BasicBlock(${cin}, ${c}, stride=${stride})`);
      for (let k = 0; k < 5; k++) lines.push(`        self.${name}_extra${k} = nn.Sequential(`, `            nn.Conv2d(${c}, ${c}, kernel_size=1, bias=False),`, `            nn.BatchNorm2d(${c}),`, `            nn.ReLU(inplace=True),`, `        )`);
      cin = c;
    }
  });
  lines.push('        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))', '        self.fc = nn.Linear(512, num_classes)', '', '    def forward(self, x):', '        x = self.pool(F.relu(self.bn1(self.conv1(x))))');
  for (const n of names) {
    lines.push(`        x = self.${n}(x)`);
    for (let k = 0; k < 5; k++) lines.push(`        x = x + self.${n}_extra${k}(x)`);
  }
  lines.push('        x = torch.flatten(self.avgpool(x), 1)', '        return self.fc(x)', '');
  return lines.join('\n');
}

const text = resnetFile();
const lineCount = text.split('\n').length;
const first = readPython(text);
if (!first.graph) throw new Error(first.diagnostics.map((d) => d.message).join('\n'));
const a = analyze(first.graph);
console.log(`# python · ${machine()}`);
const r = timeIt(() => readPython(text), { runs: 40, warmup: 5 });
console.log(`readPython, a ${lineCount}-line ResNet-like file (${first.graph.layers.length} layers, ${a.totals.params.toLocaleString('en-US')} params)  median ${r.median.toFixed(1)} ms  (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`);
