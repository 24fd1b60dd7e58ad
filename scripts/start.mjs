// `npm start`: build everything (scripts/build.mjs, the site last), then serve site/ on
// http://127.0.0.1:$PORT/ (default 8080). English at /, Chinese at /zh/.
//   node scripts/start.mjs --no-build   serve what site/ already holds
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve('site');
if (!process.argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (!existsSync(join(root, 'index.html'))) {
  console.error('site/index.html is missing: run `npm start` without --no-build (or `npm run build:site`) first.');
  process.exit(1);
}
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return void res.writeHead(400, { 'content-type': 'text/plain' }).end('bad URL');
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
  if (existsSync(file) && statSync(file).isDirectory()) {
    // /zh → /zh/: relative links resolve against the directory, not its parent.
    if (!url.pathname.endsWith('/')) return void res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    file = join(file, 'index.html');
  }
  if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
  const size = statSync(file).size;
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
});
const port = Number(process.env.PORT ?? 8080);
server.on('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use: set PORT to another, e.g. PORT=8081 npm start` : `cannot serve: ${e.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => console.log(`cnn-graph docs: http://127.0.0.1:${port}/  (中文: http://127.0.0.1:${port}/zh/)  Ctrl-C to stop`));
