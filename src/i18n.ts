/**
 * Locales and message tables, with no DOM: the render path (Node and the
 * browser) and the elements share them. Which locale an element speaks is
 * worked out from the DOM in src/ui/i18n.ts.
 * The tables are small and typed, so a missing translation is a compile error.
 */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** `zh`, `zh-CN`, `zh-Hans` → `zh`; everything else (or nothing) → `en`. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh' : 'en';
}

type Message = string | ((...args: never[]) => string);

/**
 * A message table: English first (it defines the keys and argument types),
 * Chinese with exactly the same keys and signatures.
 *
 *   const t = messages({ fit: 'Fit', layers: (n: number) => `${n} layers` },
 *                      { fit: '适应窗口', layers: (n: number) => `${n} 层` });
 *   t('zh').layers(3)
 */
export function messages<T extends Record<string, Message>>(en: T, zh: { [K in keyof T]: T[K] }): (locale: Locale) => T {
  const tables: Record<Locale, T> = { en, zh: zh as T };
  return (locale) => tables[locale];
}
