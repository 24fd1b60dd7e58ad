/**
 * RegNet's design space rule (torchvision's BlockParams.from_init_params) against the stages
 * torchvision 0.14 computes. Only regnet_x_400mf is in the zoo (and checked layer by layer in
 * golden.test.ts); the other settings exercise the rule where it rounds differently. Expected
 * values printed by:
 *   /usr/bin/python3 -c "from torchvision.models.regnet import BlockParams as B; p = B.from_init_params(depth=…, w_0=…, w_a=…, w_m=…, group_width=…); print(p.depths, p.widths, p.group_widths)"
 */
import { describe, expect, it } from 'vitest';
import { regnetStages } from '../../src/zoo/families.js';

type Args = Parameters<typeof regnetStages>;
const CASES: { name: string; args: Args; depths: number[]; widths: number[]; groups: number[] }[] = [
  { name: 'regnet_x_400mf', args: [22, 24, 24.48, 2.54, 16], depths: [1, 2, 7, 12], widths: [32, 64, 160, 400], groups: [16, 16, 16, 16] },
  { name: 'regnet_x_200mf', args: [16, 24, 36.44, 2.49, 8], depths: [1, 1, 4, 10], widths: [24, 56, 152, 368], groups: [8, 8, 8, 8] },
  { name: 'regnet_x_1_6gf', args: [25, 88, 26.31, 2.25, 48], depths: [2, 6, 15, 2], widths: [96, 192, 432, 1008], groups: [48, 48, 48, 48] },
];

describe('regnetStages: the RegNet design space as torchvision quantises it', () => {
  it.each(CASES)('$name', ({ args, depths, widths, groups }) => {
    const s = regnetStages(...args);
    expect(s.map((x) => x.depth)).toEqual(depths);
    expect(s.map((x) => x.width)).toEqual(widths);
    expect(s.map((x) => x.groupWidth)).toEqual(groups);
  });
});
