// The content scripts as built: one per listed job site, injected where that site's adapter
// says (the registry is the manifest's source), plus the JobPosting detector, which is in no
// manifest entry (it is registered at run time); each small enough to run on every job page,
// and none carrying webextension-polyfill. Needs the real builds, so it lives with the e2e tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildExtension, type BuildTarget } from './harness.ts';
import { SITE_ADAPTERS } from '../../src/sites/registry.ts';

/** The budget for a script that runs on every job page. */
const MAX_CONTENT_SCRIPT_BYTES = 30_000;

describe.each<BuildTarget>(['chrome', 'firefox'])('content scripts of the %s build', (target) => {
  test('one manifest entry per listed site, with its adapter\'s patterns; the detector registered at run time only', async () => {
    const dir = await buildExtension(target);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ matches: string[]; js: string[] }> };
    const entries = manifest.content_scripts.map((entry) => ({ js: entry.js, matches: [...entry.matches].sort() }));
    const expected = SITE_ADAPTERS.map((adapter) => ({ js: [`content-scripts/${adapter.id}.js`], matches: [...adapter.matches].sort() }));
    expect(entries.sort((a, b) => a.js[0]!.localeCompare(b.js[0]!))).toEqual(expected.sort((a, b) => a.js[0]!.localeCompare(b.js[0]!)));
    expect(JSON.stringify(manifest)).not.toContain('job-posting');
  });

  test(`each is at most ${MAX_CONTENT_SCRIPT_BYTES} bytes, bundles its own adapter only, and no polyfill`, async () => {
    const dir = await buildExtension(target);
    for (const id of [...SITE_ADAPTERS.map((adapter) => adapter.id), 'job-posting']) {
      const code = readFileSync(join(dir, 'content-scripts', `${id}.js`), 'utf8');
      expect(Buffer.byteLength(code), id).toBeLessThanOrEqual(MAX_CONTENT_SCRIPT_BYTES);
      expect(code, id).not.toMatch(/webextension-polyfill|The message port closed before a response was received/);
      // Another site's adapter would show its id and name as strings.
      for (const other of SITE_ADAPTERS) if (other.id !== id) expect(code.includes(`"${other.name}"`) || code.includes(`\`${other.name}\``), `${other.name} in ${id}.js`).toBe(false);
    }
  });
});
