/** The concept pages: the overview and one page per concept (slugs in src/site/concepts/common.ts). */
import { page as auxiliary } from '../concepts/auxiliary.js';
import { page as multiChannel } from '../concepts/multi-channel.js';
import { page as ninGap } from '../concepts/nin-gap.js';
import { page as oneByOne } from '../concepts/one-by-one.js';
import { page as outputSize } from '../concepts/output-size.js';
import { page as overview } from '../concepts/overview.js';
import { page as pooling } from '../concepts/pooling.js';
import { page as residual } from '../concepts/residual.js';
import { page as stacked } from '../concepts/stacked.js';
import type { SitePage } from '../types.js';

export const pages: SitePage[] = [overview, outputSize, multiChannel, pooling, oneByOne, stacked, ninGap, residual, auxiliary];
