import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildStartupIndex, parsePosting, readStartupsRegistry, resolveStartup } from '../../src/postings';
import type { ParseResult, Posting } from '../../src/postings';
import { unquoteGitPath } from '../helpers/timeline';

// The real corpus, read at run time from ../shared (never copied into the project).
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.join(projectRoot, '../shared/corpus/beta.gouv.fr');
const jobsDir = path.join(corpus, 'jobs');
const blobsDir = path.join(corpus, 'history/blobs');

function tally(results: Array<{ name: string; result: ParseResult }>) {
  const rejected: Record<string, number> = {};
  let clean = 0;
  let recovered = 0;
  for (const { result } of results) {
    if (!result.ok) rejected[result.error.code] = (rejected[result.error.code] ?? 0) + 1;
    else if (result.recovered) recovered += 1;
    else clean += 1;
  }
  return { total: results.length, clean, recovered, rejected };
}

/** An independent look at the raw text: does strict YAML (unique keys) accept the front matter? */
function strictYamlFails(text: string): boolean {
  if (!/^---\r?\n/.test(text)) return true;
  const end = text.indexOf('\n---', 3);
  return parseDocument(text.slice(text.indexOf('\n') + 1, end === -1 ? undefined : end)).errors.length > 0;
}

describe('real corpus', () => {
  it('finds the shared corpus', () => {
    expect(existsSync(jobsDir) && existsSync(blobsDir)).toBe(true);
  });

  const jobFiles = readdirSync(jobsDir).sort();
  const jobs = jobFiles.map((name) => ({ name, text: readFileSync(path.join(jobsDir, name), 'utf8') }));
  const jobResults = jobs.map(({ name, text }) => ({ name, text, result: parsePosting(name, text) }));
  const postings: Posting[] = jobResults.flatMap(({ result }) => (result.ok ? [result.posting] : []));

  it('jobs/: every file parses, none rejected; recoveries are exactly the strictly invalid files', () => {
    const counts = tally(jobResults);
    console.log('jobs/', JSON.stringify(counts));
    expect(counts.total).toBe(jobFiles.length);
    expect(counts.total).toBe(543);
    expect(counts.rejected).toEqual({});
    const recoveredNames = jobResults.filter(({ result }) => result.ok && result.recovered).map(({ name }) => name);
    const strictlyInvalid = jobResults.filter(({ text }) => strictYamlFails(text)).map(({ name }) => name);
    console.log('jobs/ recovered:', recoveredNames, jobResults.flatMap(({ result }) => (result.ok && result.recovered ? result.posting.warnings.map((w) => w.message) : [])));
    expect(recoveredNames).toEqual(strictlyInvalid);
    for (const { result } of jobResults) {
      if (result.ok && result.recovered) expect(result.posting.warnings.every((w) => w.line === undefined || w.line > 0)).toBe(true);
    }
  });

  it('jobs/: every posting has a title, a date, and the id of its file', () => {
    const ids = new Set(postings.map((p) => p.id));
    expect(ids.size).toBe(jobFiles.length);
    for (const p of postings) {
      expect(p.title.trim(), p.fileName).not.toBe('');
      expect(p.date, p.fileName).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.id).toBe(p.fileName.replace(/\.md$/, ''));
    }
    expect(ids.has('2022-07-28-UX-mon-entreprise')).toBe(true);
  });

  it('jobs/: dates come from the file name exactly when the front matter has none (298)', () => {
    const withoutDateLine = jobResults.filter(({ text }) => !/^date\s*:\s*\S/m.test(text.slice(0, text.indexOf('\n---', 3)))).map(({ name }) => name);
    const fromFileName = postings.filter((p) => p.dateSource === 'file-name').map((p) => p.fileName);
    console.log(`jobs/ date from front matter: ${postings.length - fromFileName.length}, from file name: ${fromFileName.length}`);
    expect(fromFileName).toEqual(withoutDateLine);
    expect(fromFileName.length).toBe(298);
    for (const p of postings.filter((q) => q.dateSource === 'file-name')) expect(p.fileName.startsWith(p.date ?? '?')).toBe(true);
  });

  it('jobs/: field figures', () => {
    const open = postings.filter((p) => p.openFlag).length;
    const withEmails = postings.filter((p) => p.applyEmails.length > 0).length;
    const withUrl = postings.filter((p) => p.externalUrl !== null).length;
    const warningCodes: Record<string, number> = {};
    for (const p of postings) for (const w of p.warnings) warningCodes[w.code] = (warningCodes[w.code] ?? 0) + 1;
    console.log(`jobs/ openFlag: ${open}, with apply e-mails: ${withEmails}, with external URL: ${withUrl}, warnings: ${JSON.stringify(warningCodes)}`);
    const rawExternal = jobs.filter(({ text }) => /^external(URL|Url)\s*:\s*\S/m.test(text)).length;
    expect(withUrl).toBe(rawExternal);
    for (const p of postings) for (const email of p.applyEmails) expect(email).toMatch(/^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  it('history/blobs/: every version goes through; rejections are explained', () => {
    // Name each blob after a path it had in the timeline, as the feed replay does.
    const pathOf = new Map<string, string>();
    for (const line of readFileSync(path.join(corpus, 'history/timeline.jsonl'), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as { changes: Array<{ path: string; blob: string | null }> };
      for (const change of entry.changes) if (change.blob && !pathOf.has(change.blob)) pathOf.set(change.blob, path.basename(unquoteGitPath(change.path)));
    }
    const blobFiles = readdirSync(blobsDir).sort();
    const results = blobFiles.map((file) => {
      const name = pathOf.get(file.replace(/\.md$/, '')) ?? file;
      const text = readFileSync(path.join(blobsDir, file), 'utf8');
      return { name, text, result: parsePosting(name, text) };
    });
    const counts = tally(results);
    console.log('history/blobs/', JSON.stringify(counts));
    for (const { result } of results) if (!result.ok) console.log('  rejected:', result.error.code, result.error.message);
    expect(counts.total).toBe(blobFiles.length);
    expect(counts.total).toBe(1781);
    expect(results.filter(({ name }) => /^[0-9a-f]{40}\.md$/.test(name))).toEqual([]);
    expect(results.filter(({ name }) => name.includes('"') || name.includes('\\'))).toEqual([]);
    // Only files with no front matter at all (Markdown alone, or text before the first ---) are rejected.
    expect(Object.keys(counts.rejected)).toEqual(['no-front-matter']);
    expect(counts.total - counts.clean - counts.recovered).toBeLessThanOrEqual(20);
    for (const { name, result } of results) {
      if (!result.ok) {
        expect(result.error.line).toBeGreaterThan(0);
        expect(result.error.message).toContain(name);
      }
    }
    // Every version that strict YAML refuses is either recovered (with a located warning) or rejected with a line.
    const strictlyInvalid = results.filter(({ text }) => text.startsWith('---') && strictYamlFails(text));
    console.log(`history/blobs/ strictly invalid YAML: ${strictlyInvalid.length}, of which recovered: ${strictlyInvalid.filter(({ result }) => result.ok).length}`);
    expect(strictlyInvalid.length).toBeGreaterThanOrEqual(19);
    for (const { result } of strictlyInvalid) {
      if (result.ok) {
        expect(result.recovered).toBe(true);
        expect(result.posting.warnings.some((w) => (w.code === 'duplicate-key' || w.code === 'front-matter-repaired') && (w.line ?? 0) > 0)).toBe(true);
      } else {
        expect(result.error.line).toBeGreaterThan(0);
      }
    }
    const undated = results.flatMap(({ name, result }) => (result.ok && result.posting.date === null ? [name] : []));
    console.log(`history/blobs/ versions without any date: ${undated.length} (${[...new Set(undated)].join(', ')})`);
    for (const name of undated) expect(name).not.toMatch(/^\d{4}-\d{2}-\d{2}-/);
  });

  it('startups: resolution of the postings\' startup references', () => {
    const startups = readStartupsRegistry(JSON.parse(readFileSync(path.join(corpus, 'startups.json'), 'utf8')) as unknown);
    expect(startups.length).toBe(530);
    const index = buildStartupIndex(startups);
    const refs = postings.flatMap((p) => (p.startupRef === null ? [] : [p.startupRef]));
    const byHow: Record<string, number> = {};
    const unresolved: string[] = [];
    let exactIds = 0;
    for (const ref of refs) {
      if (index.byId.has(ref)) exactIds += 1;
      const resolution = resolveStartup(index, ref);
      if (resolution === null) unresolved.push(ref);
      else {
        byHow[resolution.how] = (byHow[resolution.how] ?? 0) + 1;
        if (resolution.how === 'id') expect(resolution.startup.id).toBe(ref);
      }
    }
    const resolved = refs.length - unresolved.length;
    console.log(`startups: ${resolved}/${refs.length} resolved (${((100 * resolved) / refs.length).toFixed(1)}%), by how: ${JSON.stringify(byHow)}; not by exact id: ${refs.length - exactIds}`);
    const counts = new Map<string, number>();
    for (const ref of unresolved) counts.set(ref, (counts.get(ref) ?? 0) + 1);
    console.log('startups unresolved:', [...counts].map(([ref, n]) => `${ref} ×${n}`).join(' | '));
    expect(byHow.id).toBe(exactIds);
    expect(refs.length - exactIds).toBeGreaterThan(90);
    // Beyond exact ids, the rules must win back a real share of the rest.
    expect(resolved - exactIds).toBeGreaterThanOrEqual(15);
    expect(resolved / refs.length).toBeGreaterThan(0.8);
  });
});
