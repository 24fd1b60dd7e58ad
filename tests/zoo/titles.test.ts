/**
 * The zoo's Chinese titles: every network has one, the networks' own names stay
 * Latin as Chinese courses write them, and the English qualifiers and words do not
 * survive into the Chinese (the zh model pages, the home chart and the nav show them).
 */
import { describe, expect, it } from 'vitest';
import { ZOO, zooEntry } from '../../src/zoo/index.js';

describe('Chinese titles of the zoo', () => {
  it('every network has one, distinct from the others', () => {
    expect(ZOO.filter((e) => !e.titleZh.trim()).map((e) => e.id)).toEqual([]);
    expect(new Set(ZOO.map((e) => e.titleZh)).size).toBe(ZOO.length);
  });

  it('no English qualifier or descriptive word is left, and brackets are full-width', () => {
    for (const e of ZOO) {
      expect(e.titleZh, e.id).not.toMatch(/\b(lecture|notes|paper|reduced|with|small|Network in)\b/);
      expect(e.titleZh, e.id).not.toMatch(/[()]/);
    }
  });

  it('the name itself stays: the English title’s first word begins the Chinese one, except NiN’s, which Chinese courses translate', () => {
    for (const e of ZOO.filter((x) => x.id !== 'nin')) expect(e.titleZh.startsWith(e.title.split(' ')[0]), e.id).toBe(true);
    expect(zooEntry('nin')?.titleZh).toBe('网络中的网络（NiN）');
    expect(zooEntry('vgg11')?.titleZh).toBe('VGG-11（笔记）');
    expect(zooEntry('torchvision-resnet50')?.titleZh).toBe('ResNet-50（torchvision 版）');
    expect(zooEntry('torchvision-vgg19-bn')?.titleZh).toBe('VGG-19（带 BatchNorm，torchvision 版）');
  });
});
