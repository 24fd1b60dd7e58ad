/**
 * The calculator of concepts/auxiliary/: GoogLeNet's training loss, the main loss plus the
 * two auxiliary losses at their weight (the notes' `loss0 + loss1 * 0.3 + loss2 * 0.3`).
 */
import { formatPercent } from '../../../analysis/format.js';
import { calculator, num, tr } from './common.js';

export interface LossParams {
  main: number;
  aux1: number;
  aux2: number;
  weight: number;
}

export const lossCalc = calculator<LossParams>({
  id: 'aux-loss',
  fields: {
    main: num(['main loss', '主损失'], 1.2, { min: 0, step: 0.01 }),
    aux1: num('aux1', 1.8, { min: 0, step: 0.01 }),
    aux2: num('aux2', 1.5, { min: 0, step: 0.01 }),
    weight: num(['weight', '权重'], 0.3, { min: 0, step: 0.05 }),
  },
  render(p, lang) {
    const t = tr(lang);
    const total = p.main + p.weight * p.aux1 + p.weight * p.aux2;
    const f = (x: number) => String(Math.round(x * 1e6) / 1e6);
    return {
      result: `<p><code class="formula">loss = ${f(p.main)} + ${f(p.aux1)} × ${f(p.weight)} + ${f(p.aux2)} × ${f(p.weight)} = <span data-value="loss">${f(total)}</span></code></p>
<p class="muted">${t(`The auxiliary losses make up ${formatPercent(p.weight * (p.aux1 + p.aux2), total)} of the total. In evaluation only the main loss (${f(p.main)}) exists.`, `辅助损失占总损失的 ${formatPercent(p.weight * (p.aux1 + p.aux2), total)}。评估时只有主损失（${f(p.main)}）。`)}</p>`,
    };
  },
});
