/**
 * The calculator contract, shared by the build and the browser. This folder is what the
 * client script (src/site/client/concepts.ts) bundles, so it holds no page prose: only the
 * calculators, their fields and the strings their results need.
 *
 * A calculator is pure: its fields say what the form asks (name, label, default, range),
 * `read` turns form values into parameters by those fields, and `render` turns parameters
 * into HTML for the page's output slots (`[data-out=name]`), computed by the analysis. The
 * build renders the defaults into the page (src/site/concepts/common.ts draws the form from
 * the same fields); the client runs the same `render` on every input, so what the page shows
 * before and after JavaScript is one function's output.
 */
import type { Lang } from '../../types.js';

export type Tr = (en: string, zh: string) => string;
export const tr =
  (lang: Lang): Tr =>
  (en, zh) =>
    lang === 'zh' ? zh : en;

export const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Form values by input name; checkboxes are `'on'` when checked, absent otherwise. */
export type FormValues = Record<string, string>;

/** A label the same in both languages, or English and Chinese. */
export type Label = string | readonly [en: string, zh: string];
export const label = (l: Label, t: Tr): string => (typeof l === 'string' ? l : t(l[0], l[1]));

/** A number input; `empty` is what a blank or unreadable value reads as (the default unless given). */
export interface NumberField {
  type: 'int' | 'number';
  label: Label;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  empty?: number;
  /** A blank or unreadable value reads as NaN, which the calculator refuses, instead of falling back: computing on with a number the box no longer shows would mislead. */
  required?: boolean;
}
export interface CheckField {
  type: 'check';
  label: Label;
  value: boolean;
}
export interface ChoiceField<T extends string> {
  type: 'choice';
  label: Label;
  value: T;
  options: ReadonlyArray<readonly [T, Label]>;
}
/** A value the page supplies (computed at build time) and the form carries hidden. */
export interface FixedField {
  type: 'fixed';
  value: number;
}
export type Field = NumberField | CheckField | ChoiceField<string> | FixedField;

/** One field per parameter, of the parameter's type; the key is the input's name. */
export type FieldsFor<P> = { [K in keyof P]: P[K] extends boolean ? CheckField : P[K] extends number ? NumberField | FixedField : ChoiceField<P[K] & string> };

export const int = (l: Label, value: number, o: Omit<NumberField, 'type' | 'label' | 'value'> = {}): NumberField => ({ type: 'int', label: l, value, ...o });
export const num = (l: Label, value: number, o: Omit<NumberField, 'type' | 'label' | 'value'> = {}): NumberField => ({ type: 'number', label: l, value, ...o });
export const check = (l: Label, value: boolean): CheckField => ({ type: 'check', label: l, value });
export const choice = <T extends string>(l: Label, value: T, options: ReadonlyArray<readonly [T, Label]>): ChoiceField<T> => ({ type: 'choice', label: l, value, options });
export const fixed = (value = 0): FixedField => ({ type: 'fixed', value });

function readField(f: Field, raw: string | undefined): number | boolean | string {
  if (f.type === 'check') return raw === 'on';
  if (f.type === 'choice') return f.options.find(([v]) => v === raw)?.[0] ?? f.value;
  const fallback = f.type === 'fixed' ? f.value : (f.empty ?? f.value);
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) return f.type !== 'fixed' && f.required ? NaN : fallback;
  // Out-of-range integers are kept: the calculators explain them (PyTorch's refusal) themselves.
  return f.type === 'number' ? n : Math.trunc(n);
}

export interface Calculator<P> {
  id: string;
  fields: FieldsFor<P>;
  defaults: P;
  read(v: FormValues): P;
  /** HTML per output slot. */
  render(p: P, lang: Lang): Record<string, string>;
  /**
   * Drive elements in the calculator's section (set `<cnn-compare>` attributes or items,
   * a `<cnn-graph>`'s graph). Runs in the browser only, after `render`.
   */
  drive?(root: Element, p: P, lang: Lang): void;
}

/** A calculator from its fields: the defaults and `read` follow from them. */
export function calculator<P>(c: Pick<Calculator<P>, 'id' | 'fields' | 'render' | 'drive'>): Calculator<P> {
  const entries = Object.entries(c.fields) as [string, Field][];
  const defaults = Object.fromEntries(entries.map(([k, f]) => [k, f.value])) as P;
  return { ...c, defaults, read: (v) => Object.fromEntries(entries.map(([k, f]) => [k, readField(f, v[k])])) as P };
}

/** Messages from the analysis are English; on Chinese pages they get a Chinese lead-in. */
export function problems(list: ReadonlyArray<{ message: string; fix?: string; formula?: string }>, t: Tr): string {
  if (!list.length) return '';
  return `<div class="calc-error" role="alert"><p><strong>${t('PyTorch would refuse this:', 'PyTorch 会拒绝这个配置（以下为分析器的英文说明）：')}</strong></p>${list
    .map((d) => `<p>${esc(d.message)}${d.formula ? ` <code>${esc(d.formula)}</code>` : ''}${d.fix ? ` <em>${esc(d.fix)}</em>` : ''}</p>`)
    .join('')}</div>`;
}

/** The parameters among `keys` that are not whole numbers of at least 1 (a blank required field reads as NaN). */
export const notPositiveKeys = <P>(p: P, keys: ReadonlyArray<keyof P & string>): Array<keyof P & string> => keys.filter((k) => !((p[k] as number) >= 1));

/**
 * The one message for boxes that must hold whole numbers of at least 1, in the reader's terms (the
 * box's label, not the parameter's name; empty said as empty), or `''` when they all do.
 */
export function notPositive<P>(p: P, keys: ReadonlyArray<keyof P & string>, t: Tr, fields?: Partial<Record<keyof P & string, Field>>): string {
  const bad = notPositiveKeys(p, keys);
  if (!bad.length) return '';
  const name = (k: keyof P & string): string => {
    const f = fields?.[k];
    return f && f.type !== 'fixed' ? label(f.label, t) : k;
  };
  const said = bad.map((k) => {
    const v = p[k] as number;
    return Number.isNaN(v) ? t(`“${name(k)}” is empty.`, `“${name(k)}”是空的。`) : t(`“${name(k)}” is ${v}.`, `“${name(k)}”现在是 ${v}。`);
  });
  return `<div class="calc-error" role="alert"><p>${esc(said.join(t(' ', '')))}${t(' ', '')}${esc(t('Enter a whole number, 1 or more: nothing is computed until then.', '请填入不小于 1 的整数；在此之前不作计算。'))}</p></div>`;
}

/**
 * Set the attributes of the section's `<cnn-compare>` from parameters (it recomputes from them), or
 * hide it while `valid` is false: the calculator's message stands alone, and no bars of the last good
 * values stay on screen as if they were these.
 */
export function compareAttributes(root: Element, attrs: object, valid = true): void {
  const el = root.querySelector('cnn-compare');
  if (!el) return;
  el.toggleAttribute('hidden', !valid);
  if (!valid) return;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
}

/** Hand the section's `<cnn-compare>` computed items; it hides while there are none. */
export function compareItems(root: Element, items: readonly unknown[]): void {
  const el = root.querySelector('cnn-compare');
  if (!el) return;
  (el as unknown as { items: unknown }).items = items;
  el.toggleAttribute('hidden', items.length === 0);
}
