import { describe, expect, it } from 'vitest';
import { ZOO_IDS, zooIdsHint } from '../../src/zoo/index.js';

describe('zooIdsHint: the zoo ids in a message, however many there are', () => {
  it('names the first eight and counts the rest, in both languages', () => {
    expect(ZOO_IDS.length).toBeGreaterThan(8);
    const more = ZOO_IDS.length - 8;
    expect(zooIdsHint('en')).toBe(`${ZOO_IDS.slice(0, 8).join(', ')} and ${more} more (cnn-graph list has them all)`);
    expect(zooIdsHint('zh')).toBe(`${ZOO_IDS.slice(0, 8).join('、')} 等 ${ZOO_IDS.length} 个（完整列表见 cnn-graph list）`);
    expect(zooIdsHint('en').length).toBeLessThan(200);
  });
  it('lists them all when they fit', () => {
    expect(zooIdsHint('en', ZOO_IDS.length)).toBe(ZOO_IDS.join(', '));
  });
});
