#!/usr/bin/env node
// Locates the Chromium the end-to-end tests drive, installing Debian's package when we can.
//
//   node scripts/ensure-chromium.mjs      prints "<path> (<version>)", or installs, or explains
//
// The lookup is exported so the e2e harness uses the very same rules.
// Plain Node ESM on purpose: no dependency, runs before `npm install` if need be.

import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Fixed places where Debian and Ubuntu put the browser, in order of preference. */
export const SYSTEM_CANDIDATES = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser']);

/** The command a human (or CI image) should run when no browser is found. */
export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the first usable Chromium: `CHROMIUM_PATH` from the environment (if it is set it must
 * be executable, so a typo fails loudly instead of silently picking another browser), then the
 * system candidates. Returns `null` when none is found.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}" but that is not an executable file.`);
    }
    return fromEnv;
  }
  return SYSTEM_CANDIDATES.find(isExecutable) ?? null;
}

/**
 * Asks the browser for its version string, e.g. "Chromium 156.0.8078.79 built on Debian ...".
 * Debian's launcher script writes harmless shell noise to stderr, which is discarded.
 * @param {string} executablePath
 * @returns {string}
 */
export function chromiumVersion(executablePath) {
  const result = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  const version = result.stdout.trim();
  if (result.status !== 0 || !version) {
    throw new Error(`"${executablePath} --version" failed (exit ${result.status}): ${result.stderr.trim()}`);
  }
  return version;
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/etc/debian_version') && isExecutable('/usr/bin/apt-get');
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * Finds Chromium, installing it with apt-get when running as root on Debian.
 * Returns `{ path, version }`, or `null` after printing what to do.
 */
export function ensureChromium() {
  let path = findChromium();
  if (!path) {
    if (!canInstallWithApt()) {
      console.error('No Chromium found (looked at $CHROMIUM_PATH, ' + SYSTEM_CANDIDATES.join(', ') + ').');
      console.error(`Install it with:\n\n  ${INSTALL_HINT}\n`);
      console.error('or point CHROMIUM_PATH at an existing Chromium binary.');
      return null;
    }
    console.log('No Chromium found; installing Debian\'s "chromium" package.');
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    path = findChromium();
    if (!path) {
      console.error('apt-get finished but no Chromium binary appeared at ' + SYSTEM_CANDIDATES.join(', '));
      return null;
    }
  }
  return { path, version: chromiumVersion(path) };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  try {
    const found = ensureChromium();
    if (!found) process.exit(1);
    console.log(`${found.path} (${found.version})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
