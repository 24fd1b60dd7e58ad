/** Networks shared by the analysis tests. */

/**
 * A network wired wrongly in every way the structure checks know: `a` reads a
 * layer listed after it, `b` reads a layer that does not exist, the path `b` is
 * used twice, a Concat has one input, and the output names no layer.
 */
export const MISWIRED_JSON = JSON.stringify({
  name: 's',
  input: [1, 8, 8],
  output: 'nope',
  layers: [
    { path: 'a', kind: 'ReLU', inputs: ['b'] },
    { path: 'b', kind: 'ReLU', inputs: ['ghost'] },
    { path: 'b', kind: 'Tanh' },
    { path: 'sum', kind: 'Add', inputs: ['a'] },
  ],
});
