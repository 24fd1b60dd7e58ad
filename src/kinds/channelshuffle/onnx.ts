/** ChannelShuffle has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'ChannelShuffle'> = {
  kind: 'ChannelShuffle',
  ops: {},
  none: "ONNX has no channel shuffle; torch exports it as Reshape, Transpose, Reshape, which become those layers.",
};
