/**
 * The pieces every kind's zod schema is made of (positive integers, int-or-pair
 * arguments, the fields every layer has), and the Chinese of every sentence
 * the schemas say themselves. Built once, on first use, by src/graph/schema.ts:
 * the CLI's commands on zoo networks never validate, and constructing the
 * schemas is a measurable part of its start-up.
 */
import { array, boolean, gte, int, lte, maxLength, minLength, nullable, number, optional, refine, string, tuple, union } from 'zod/mini';
import { MAX_DIM } from '../graph/limits.js';

/**
 * The Chinese of every sentence the schemas say themselves, keyed by the
 * English (zod issues carry one message; validate.ts's issueTextZh looks the
 * Chinese up here). Filled as the schemas are built, by `say`.
 */
const ZH = new Map<string, string>();

/** An English message of a schema, with its Chinese noted for `schemaMessageZh`. */
export const say = (en: string, zh: string): string => {
  ZH.set(en, zh);
  return en;
};

/** The Chinese of a message the schemas give, or undefined for zod's own. */
export const schemaMessageZh = (en: string): string | undefined => ZH.get(en);

export function fields() {
  // Range before integrality, so 1e300 reads "must be at most …", not "must be a whole number".
  const whole = (x: number) => Number.isInteger(x);
  const atMost = say(`must be at most ${MAX_DIM}`, `不能大于 ${MAX_DIM}`);
  const wholeMsg = say('must be a whole number', '必须是整数');
  const posInt = number().check(gte(1, say('must be at least 1', '不能小于 1')), lte(MAX_DIM, atMost), refine(whole, wholeMsg));
  const nonNegInt = number().check(gte(0, say('must be at least 0', '不能小于 0')), lte(MAX_DIM, atMost), refine(whole, wholeMsg));
  const intOrPair = (n: typeof posInt) => union([n, tuple([n, n])], { error: say('must be an integer or a [height, width] pair of integers', '必须是整数或 [高, 宽] 整数对') });
  const posPair = intOrPair(posInt);
  const nonNegPair = intOrPair(nonNegInt);
  /** A dimension of the batched tensor, as in PyTorch. */
  const dim = number().check(int(wholeMsg), gte(-8), lte(8));
  const real = number().check(refine(Number.isFinite, say('must be a finite number', '必须是有限的数')));
  const notEmpty = say('must not be empty', '不能为空');
  const bool = optional(boolean());
  /** What every layer has besides its kind's configuration. */
  const common = {
    path: string().check(minLength(1, notEmpty), maxLength(512, say('is too long (512 characters at most)', '太长了（最多 512 个字符）'))),
    inputs: optional(array(string().check(maxLength(512))).check(maxLength(4096))),
    functional: bool,
  };
  /** An adaptive pool's `output_size`: an int, or a [height, width] pair where null keeps that input size. */
  const adaptiveSize = union([posInt, tuple([nullable(posInt), nullable(posInt)])], { error: say('must be an integer or a [height, width] pair (null keeps that size)', '必须是整数或 [高, 宽] 对（null 表示保持该方向的尺寸）') });
  return { posInt, nonNegInt, posPair, nonNegPair, dim, real, notEmpty, bool, common, adaptiveSize };
}

export type Fields = ReturnType<typeof fields>;
