// Local HTTP and HTTPS servers that stand in for job sites and feed hosts during e2e tests.
//
// Chromium is started with --host-resolver-rules (see hostRules) so that a real host name such as
// www.welcometothejungle.com or api.github.com reaches one of these servers; the extension's real
// manifest matches and default feed URLs are therefore what the tests exercise, with no internet.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface FixtureRequest {
  method: string;
  /** Full URL as the browser asked for it, rebuilt from the Host header (so the real host name). */
  url: URL;
  /** Host name without port, lower case: the name Chromium mapped to us. */
  host: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FixtureResponse {
  status?: number;
  /** Undefined values are left out (handy with conditional headers in object literals). */
  headers?: Readonly<Record<string, string | undefined>>;
  body?: string | Uint8Array;
}

export type Router = (request: FixtureRequest) => FixtureResponse | Promise<FixtureResponse>;

export interface FixtureServer {
  port: number;
  /** e.g. https://127.0.0.1:41234 — only for direct access; the browser should use mapped names. */
  origin: string;
  /** Every request received (except /favicon.ico, always answered 204), in order. */
  requests: FixtureRequest[];
  close(): Promise<void>;
}

const NOT_FOUND: FixtureResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function makeHandler(scheme: 'http' | 'https', router: Router, requests: FixtureRequest[]) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const hostHeader = req.headers.host ?? 'localhost';
      const url = new URL(req.url ?? '/', `${scheme}://${hostHeader}`);
      if (url.pathname === '/favicon.ico') {
        // Every tab asks for it; a 404 would show up as a console error in every test.
        res.writeHead(204).end();
        return;
      }
      const request: FixtureRequest = {
        method: req.method ?? 'GET',
        url,
        host: url.hostname.toLowerCase(),
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(request);
      const response = await router(request);
      const body = response.body ?? '';
      const headers: Record<string, string> = { 'cache-control': 'no-store' };
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        if (value !== undefined) headers[name.toLowerCase()] = value;
      }
      res.writeHead(response.status ?? 200, headers);
      res.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fixture router failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  };
}

async function listen(
  server: HttpServer | HttpsServer,
  scheme: 'http' | 'https',
  requests: FixtureRequest[],
): Promise<FixtureServer> {
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `${scheme}://127.0.0.1:${port}`,
    requests,
    async close() {
      // Chromium keeps connections alive; drop them or close() waits for the idle timeout.
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

/** Plain HTTP server on 127.0.0.1, random port. */
export async function startHttpServer(router: Router): Promise<FixtureServer> {
  const requests: FixtureRequest[] = [];
  const server = createHttpServer(makeHandler('http', router, requests));
  return listen(server, 'http', requests);
}

/**
 * Host names the default certificate covers. Chromium is started with --ignore-certificate-errors
 * whenever HTTPS mapping is used, so the list is documentation more than a requirement.
 */
export const DEFAULT_CERT_HOSTS = [
  'localhost',
  'api.github.com',
  'raw.githubusercontent.com',
  'beta.gouv.fr',
  'www.welcometothejungle.com',
  'www.linkedin.com',
  'fr.linkedin.com',
  'fr.indeed.com',
  'choisirleservicepublic.gouv.fr',
  'candidat.francetravail.fr',
  'www.hellowork.com',
  'www.apec.fr',
];

export interface Certificate {
  key: string;
  cert: string;
}

let opensslChecked = false;

async function assertOpenssl(): Promise<void> {
  if (opensslChecked) return;
  try {
    await execFileAsync('openssl', ['version']);
    opensslChecked = true;
  } catch {
    throw new Error('openssl is needed to make the test certificate: apt-get install -y openssl');
  }
}

/** Makes a throw-away self-signed certificate (one day, RSA 2048) for the given host names. */
export async function makeSelfSignedCertificate(hosts: readonly string[] = DEFAULT_CERT_HOSTS): Promise<Certificate> {
  await assertOpenssl();
  const dir = await mkdtemp(join(tmpdir(), 'beta-radar-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const san = ['IP:127.0.0.1', ...hosts.map((host) => `DNS:${host}`)].join(',');
    await execFileAsync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-subj', '/CN=localhost',
      '-addext', `subjectAltName=${san}`,
      '-keyout', keyPath, '-out', certPath,
    ]);
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let defaultCertificate: Promise<Certificate> | undefined;

/**
 * HTTPS server on 127.0.0.1, random port, with a self-signed certificate made at test time
 * (made once per test file for the default host list).
 */
export async function startHttpsServer(
  router: Router,
  options: { hosts?: readonly string[] } = {},
): Promise<FixtureServer> {
  const certificate = options.hosts
    ? await makeSelfSignedCertificate(options.hosts)
    : await (defaultCertificate ??= makeSelfSignedCertificate());
  const requests: FixtureRequest[] = [];
  const server = createHttpsServer(certificate, makeHandler('https', router, requests));
  return listen(server, 'https', requests);
}

/**
 * Builds the value of Chromium's --host-resolver-rules from host → local port, e.g.
 * `MAP www.linkedin.com 127.0.0.1:41234, MAP api.github.com 127.0.0.1:41235`.
 * Chromium replaces both the address and the port, so an https:// URL reaches that port over TLS.
 * With `blockOthers`, every other name fails to resolve (ERR_NAME_NOT_RESOLVED): the test cannot
 * reach the internet by accident.
 */
export function hostRules(hosts: Readonly<Record<string, number>>, options: { blockOthers?: boolean } = {}): string {
  const rules = Object.entries(hosts).map(([host, port]) => {
    if (!/^[a-z0-9.*-]+$/i.test(host)) throw new Error(`not a host name pattern: ${host}`);
    if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`bad port for ${host}: ${port}`);
    return `MAP ${host} 127.0.0.1:${port}`;
  });
  if (options.blockOthers) rules.push('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost');
  return rules.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Small routing helpers

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a file below test/fixtures/ (path relative to that folder). */
export async function fixtureFile(relativePath: string, headers: Record<string, string> = {}): Promise<FixtureResponse> {
  const path = resolve(FIXTURES_DIR, relativePath);
  if (!path.startsWith(FIXTURES_DIR)) throw new Error(`fixture path escapes test/fixtures: ${relativePath}`);
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', ...headers },
    body: await readFile(path),
  };
}

/** JSON response; `cors` adds Access-Control-Allow-Origin: * (the service worker fetches cross-origin). */
export function json(value: unknown, options: { status?: number; headers?: Record<string, string>; cors?: boolean } = {}): FixtureResponse {
  return {
    status: options.status ?? 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(options.cors === false ? {} : { 'access-control-allow-origin': '*' }),
      ...options.headers,
    },
    body: JSON.stringify(value),
  };
}

/** Dispatches on the requested host name; unknown hosts get 404 (or `fallback`). */
export function byHost(routes: Readonly<Record<string, Router>>, fallback?: Router): Router {
  return (request) => {
    const route = routes[request.host] ?? fallback;
    return route ? route(request) : NOT_FOUND;
  };
}

/** Dispatches on the URL path (exact match, no query); unknown paths get 404 (or `fallback`). */
export function byPath(routes: Readonly<Record<string, Router>>, fallback?: Router): Router {
  return (request) => {
    const route = routes[request.url.pathname] ?? fallback;
    return route ? route(request) : NOT_FOUND;
  };
}
