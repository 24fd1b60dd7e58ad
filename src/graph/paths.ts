/** PyTorch-style dotted paths: `inception3a.branch2.1.conv`. Hot in analysis: no split/join. */

export const parentPath = (path: string): string => {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
};

export const lastSegment = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

export const depthOf = (path: string): number => {
  if (path === '') return 0;
  let n = 1;
  for (let i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) n++;
  return n;
};

/** Every ancestor module path, outermost first: `a.b.c` → `a`, `a.b`. */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) out.push(path.slice(0, i));
  return out;
}

export const isInside = (path: string, module: string): boolean => module === '' || path.startsWith(module + '.');
