/** ChannelShuffle in PyTorch: `nn.ChannelShuffle(2)`, or `torch.channel_shuffle(x, 2)` as a function (torchvision's ShuffleNet v2 writes the same view-transpose-view itself). */
import { callText, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'ChannelShuffle'> = {
  kind: 'ChannelShuffle',
  module: (l) => callText('nn.ChannelShuffle', String(l.groups)),
  call: (l, [x]) => callText('torch.channel_shuffle', x, String(l.groups)),
  reads: {
    module: { names: ['torch.nn.ChannelShuffle'], params: [{ name: 'groups', int: true }] },
    calls: [{ names: ['torch.channel_shuffle', 'torch.nn.functional.channel_shuffle'], params: [INPUT_PARAM, { name: 'groups', int: true }] }],
  },
};
