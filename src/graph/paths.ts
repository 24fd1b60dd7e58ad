/** PyTorch-style dotted paths: `inception3a.branch2.1.conv`. */

export const parentPath = (path: string): string => {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
};

export const lastSegment = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

export const depthOf = (path: string): number => (path === '' ? 0 : path.split('.').length);

/** Every ancestor module path, outermost first: `a.b.c` → `a`, `a.b`. */
export function ancestors(path: string): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

export const isInside = (path: string, module: string): boolean => module === '' || path.startsWith(module + '.');
