// End-to-end harness: builds the extension, loads the built folder into Debian's Chromium through
// Playwright, and hands tests the service worker, the popup and ordinary tabs.
//
// Typical test file:
//
//   let browser: ExtensionBrowser;
//   let site: FixtureServer;
//   beforeAll(async () => {
//     site = await startHttpsServer(byHost({ 'www.linkedin.com': () => fixtureFile('job-sites/linkedin-search.html') }));
//     browser = await launchBrowser({ hosts: { 'www.linkedin.com': site.port } });
//   });
//   afterAll(async () => { await browser?.close(); await site?.close(); });
//
// Every call to launchBrowser() gets a fresh temporary profile, removed by close().

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../../scripts/ensure-chromium.mjs';
import { hostRules } from './servers.ts';

export * from './servers.ts';
export * from './extension-data.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT_DIR = join(PROJECT_ROOT, '.output');

// ---------------------------------------------------------------------------------------------
// Build

export type BuildTarget = 'chrome' | 'firefox';

const TARGET_DIRS: Record<BuildTarget, string> = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' };

/** Folder of a built target, e.g. <root>/.output/chrome-mv3 (whether or not it exists yet). */
export function outputDir(target: BuildTarget = 'chrome'): string {
  return join(OUTPUT_DIR, TARGET_DIRS[target]);
}

/**
 * Identifies the current `vitest run`, so that the build happens once per run although each test
 * file runs in its own module graph (and, with the default forks pool, its own process).
 * forks pool: test files are children of the vitest process → parent pid; threads pool: every file
 * shares this process → own pid. The process start time guards against pid reuse.
 */
function currentRunId(): string {
  const owner = isMainThread ? process.ppid : process.pid;
  let startedAt = '';
  try {
    // /proc/<pid>/stat: field 22 is the start time; fields after "(comm) " start at field 3.
    const stat = readFileSync(`/proc/${owner}/stat`, 'utf8');
    startedAt = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[19] ?? '';
  } catch {
    // Not Linux: the pid alone will do.
  }
  return `${owner}:${startedAt}`;
}

function runCommand(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const builds = new Map<BuildTarget, Promise<string>>();

/**
 * Runs `npx wxt build` (plus `-b firefox` for Firefox) at most once per test run and returns the
 * output folder. With E2E_SKIP_BUILD=1 an existing build is reused as is.
 */
export function buildExtension(target: BuildTarget = 'chrome'): Promise<string> {
  let build = builds.get(target);
  if (!build) {
    build = doBuild(target);
    builds.set(target, build);
    // A failed build is not cached: the next caller gets a fresh attempt and the real error.
    build.catch(() => builds.delete(target));
  }
  return build;
}

async function doBuild(target: BuildTarget): Promise<string> {
  const dir = outputDir(target);
  const manifest = join(dir, 'manifest.json');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(manifest)) return dir;

  const stampFile = join(OUTPUT_DIR, `.e2e-build-${target}.json`);
  const runId = currentRunId();
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { runId?: unknown };
    if (stamp.runId === runId && existsSync(manifest)) return dir;
  } catch {
    // No stamp yet (or unreadable): build.
  }

  const args = ['wxt', 'build', ...(target === 'chrome' ? [] : ['-b', target])];
  const started = performance.now();
  const { code, output } = await runCommand('npx', args, PROJECT_ROOT);
  if (code !== 0 || !existsSync(manifest)) {
    throw new Error(`npx ${args.join(' ')} failed (exit ${code}):\n${output}`);
  }
  console.log(`[e2e] npx ${args.join(' ')}: ${Math.round(performance.now() - started)} ms`);
  await writeFile(stampFile, JSON.stringify({ runId, builtAt: new Date().toISOString() }));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Browser

/** Path of the Chromium to drive; throws with the install command when there is none. */
/**
 * A copy of the built extension whose manifest also *requires* `hostPatterns`: what the
 * extension sees once a user granted those optional host permissions. Chromium under
 * automation cannot answer a permission prompt (a request for a permission the manifest
 * already holds resolves at once, without one), so the tests that need a granted site use
 * this copy; the code is the build's, byte for byte. The copy is removed with `dispose()`.
 */
export async function extensionWithGrantedHosts(hostPatterns: readonly string[], target: BuildTarget = 'chrome'): Promise<{ dir: string; dispose(): Promise<void> }> {
  const built = await buildExtension(target);
  const dir = await mkdtemp(join(tmpdir(), 'beta-radar-granted-'));
  await cp(built, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...hostPatterns])];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export function chromiumExecutable(): string {
  const path = findChromium();
  if (!path) {
    throw new Error(`No Chromium found. Run "node scripts/ensure-chromium.mjs" or: ${INSTALL_HINT}`);
  }
  return path;
}

export interface LaunchOptions {
  /** Unpacked extension folder; defaults to the chrome-mv3 build (built if needed). */
  extensionDir?: string;
  /** Real host name → port of a local fixture server (see startHttpServer / startHttpsServer). */
  hosts?: Readonly<Record<string, number>>;
  /** Accept the test certificate. Defaults to true as soon as `hosts` is not empty. */
  ignoreCertificateErrors?: boolean;
  /**
   * Make every host name that is not in `hosts` fail to resolve, so a test never reaches the
   * internet by accident (an unmapped feed URL fails fast with ERR_NAME_NOT_RESOLVED). Default true.
   */
  blockOtherHosts?: boolean;
  /** Extra Chromium switches. */
  args?: readonly string[];
  /**
   * Default true (Chromium's new headless mode, extensions included). false shows a window and
   * needs a display (DISPLAY, e.g. under xvfb-run): for watching a test or a demo.
   */
  headless?: boolean;
  /** How long to wait for the browser and the service worker. Default 30 s. */
  timeoutMs?: number;
}

export interface ConsoleEntry {
  /** 'worker' for the service worker (or another worker), 'page' for tabs and extension pages. */
  source: 'worker' | 'page';
  /** console.* level, or 'uncaught' for an uncaught exception / unhandled rejection. */
  type: string;
  text: string;
  /** URL of the worker or page that produced it. */
  url: string;
  /** Script or resource the message points at, when Chromium gives one (e.g. the URL of a failed load). */
  location?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (the latest one if Chromium restarted it). */
  readonly serviceWorker: Worker;
  /** Temporary profile folder, removed by close(). */
  userDataDir: string;
  /** Every console message of every page and worker, in order. */
  consoleMessages: ConsoleEntry[];
  /** Console errors and uncaught exceptions only: tests usually assert this stays empty. */
  errors: ConsoleEntry[];
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** Opens the popup document as a tab, waits for it to load. */
  openPopup(): Promise<Page>;
  /** Opens any page of the extension (e.g. 'options.html') as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens an ordinary tab and waits for `load` (or the given state). */
  newTab(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' }): Promise<Page>;
  /** Returns the running service worker, waiting for Chromium to start one if needed. */
  waitForServiceWorker(): Promise<Worker>;
  /** Closes Chromium and deletes the profile. Safe to call twice. */
  close(): Promise<void>;
}

const BASE_ARGS = [
  '--no-sandbox', // we run as root in containers
  '--disable-gpu',
  '--disable-quic', // the fixture servers speak TCP only
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExtensionWorker(worker: Worker, extensionId?: string): boolean {
  const url = worker.url();
  return extensionId ? url.startsWith(`chrome-extension://${extensionId}/`) : url.startsWith('chrome-extension://');
}

/** Starts Chromium with the extension loaded, in a fresh temporary profile. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? (await buildExtension('chrome'));
  const timeout = options.timeoutMs ?? 30_000;
  const hosts = options.hosts ?? {};
  const mapped = Object.keys(hosts).length > 0;

  const args = [...BASE_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  if (mapped || options.blockOtherHosts !== false) {
    args.push(`--host-resolver-rules=${hostRules(hosts, { blockOthers: options.blockOtherHosts !== false })}`);
  }
  if (options.ignoreCertificateErrors ?? mapped) args.push('--ignore-certificate-errors');
  args.push(...(options.args ?? []));

  const userDataDir = await mkdtemp(join(tmpdir(), 'beta-radar-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumExecutable(),
      // Playwright passes --headless, which is Chromium's "new" headless mode since Chromium 132:
      // the full browser, extensions included (the old mode lives on as chrome-headless-shell).
      headless: options.headless ?? true,
      // Playwright adds --disable-extensions by default; --disable-extensions-except wins anyway
      // on Chromium 156, but we do not rely on that precedence.
      ignoreDefaultArgs: ['--disable-extensions'],
      args,
      timeout,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const consoleMessages: ConsoleEntry[] = [];
  const errors: ConsoleEntry[] = [];
  const record = (entry: ConsoleEntry) => {
    consoleMessages.push(entry);
    if (entry.type === 'error' || entry.type === 'uncaught') errors.push(entry);
  };
  // The context-level event covers pages and workers (service worker included).
  context.on('console', (message: ConsoleMessage) => {
    const worker = message.worker();
    record({
      source: worker ? 'worker' : 'page',
      type: message.type(),
      text: message.text(),
      url: worker?.url() ?? message.page()?.url() ?? '',
      ...(message.location().url ? { location: message.location().url } : {}),
    });
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    record({ source: 'page', type: 'uncaught', text: error.stack ?? error.message, url: webError.page()?.url() ?? '' });
  });

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  };

  try {
    const firstWorker =
      context.serviceWorkers().find((worker) => isExtensionWorker(worker)) ??
      (await context.waitForEvent('serviceworker', { predicate: (worker) => isExtensionWorker(worker), timeout }));
    const extensionId = new URL(firstWorker.url()).host;

    let latestWorker = firstWorker;
    context.on('serviceworker', (worker) => {
      if (isExtensionWorker(worker, extensionId)) latestWorker = worker;
    });

    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\/+/, '')}`;

    const openExtensionPage = async (path: string) => {
      const page = await context.newPage();
      await page.goto(extensionUrl(path), { waitUntil: 'load', timeout });
      return page;
    };

    return {
      context,
      extensionId,
      get serviceWorker() {
        return latestWorker;
      },
      userDataDir,
      consoleMessages,
      errors,
      extensionUrl,
      openPopup: () => openExtensionPage('popup.html'),
      openExtensionPage,
      async newTab(url, tabOptions = {}) {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: tabOptions.waitUntil ?? 'load', timeout });
        return page;
      },
      async waitForServiceWorker() {
        const running = context.serviceWorkers().filter((worker) => isExtensionWorker(worker, extensionId));
        if (running.length > 0) return running[running.length - 1]!;
        return context.waitForEvent('serviceworker', {
          predicate: (worker) => isExtensionWorker(worker, extensionId),
          timeout,
        });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
