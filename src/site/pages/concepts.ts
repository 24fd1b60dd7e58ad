/** The concept pages: the overview and one page per concept (slugs in src/site/concepts/common.ts). */
import { page as outputSize } from '../concepts/output-size.js';
import type { SitePage } from '../types.js';

export const pages: SitePage[] = [outputSize];
