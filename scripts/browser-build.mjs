// The esbuild options every browser bundle of this project shares (build-ui, build-train):
// one bundled, minified ES2022 file per entry, licences kept at the end, the repo's tsconfig.
import { join } from 'node:path';

export function browserBuild(root) {
  return {
    bundle: true,
    minify: true,
    metafile: true,
    target: 'es2022',
    platform: 'browser',
    legalComments: 'eof',
    logLevel: 'warning',
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
  };
}
