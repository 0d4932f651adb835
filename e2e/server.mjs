// A plain static server for the release build, on 127.0.0.1 and a free port, at `/` or under a
// sub-path (`prefix`, e.g. `/course/lstm/`: anything outside it is not found, as on a host that
// serves the site in a folder). It records every request so tests can prove the page asked for
// nothing that is missing. With `pretty`, it acts like a host with "pretty URLs" as Cloudflare
// Pages documents them: an existing `x.html` answers 308 to `x`, `index.html` to its folder, and
// `x` serves `x.html`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** The content type of each kind of file the build holds (`.wasm` must be application/wasm). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function serveDist(dir, prefix = '/', { pretty = false } = {}) {
  const root = resolve(dir);
  const requests = [];
  let down = false;
  const server = createServer(async (req, res) => {
    // The network is cut: the connection drops without an answer.
    if (down) {
      requests.push({ path: req.url, status: 0 });
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    let file = normalize(join(root, path.slice(prefix.length - 1)));
    let status = 200;
    try {
      if (!path.startsWith(prefix)) throw new Error('outside the site');
      if (!file.startsWith(root)) throw new Error('outside the root');
      if (pretty && path.endsWith('.html') && (await stat(file).catch(() => null))) {
        const to = path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
        status = 308;
        res.writeHead(308, { location: to + url.search });
        res.end();
        requests.push({ path, status });
        return;
      }
      if (pretty && extname(file) === '' && !(await stat(file).catch(() => null))) file += '.html';
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
    requests.push({ path, status });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    /** Cuts the network (`true`) or restores it: while cut, every request fails. */
    cut(on) { down = on; if (on) server.closeAllConnections(); },
    close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); },
  };
}
