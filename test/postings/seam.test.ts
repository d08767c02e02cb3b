import { describe, expect, it, vi } from 'vitest';
import * as engines from '../../src/postings/gray-matter-engines';

describe('gray-matter seam', () => {
  it('our engines module offers YAML and JSON only, no JavaScript engine', () => {
    expect(Object.keys(engines).sort()).toEqual(['json', 'yaml']);
    expect(engines.yaml.parse('a: 1\nb: [x, z]\nc: 2021-10-18\nd: yes\n')).toEqual({ a: 1, b: ['x', 'z'], c: new Date('2021-10-18T00:00:00Z'), d: 'yes' });
    expect(() => engines.yaml.parse('a: [')).toThrow();
    expect(engines.json.parse('{"a":1}')).toEqual({ a: 1 });
  });

  it('the YAML engine runs no code: a !!js/function tag stays data or fails', () => {
    let result: unknown;
    try {
      result = engines.yaml.parse('f: !!js/function "function () { return globalThis.__pwned = 1 }"\n');
    } catch {
      result = 'rejected';
    }
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(typeof result === 'string' || typeof (result as { f?: unknown }).f !== 'function').toBe(true);
  });

  it('parsePosting works where no global Buffer exists (as in an MV3 service worker)', async () => {
    const scope = globalThis as { Buffer?: unknown };
    const saved = scope.Buffer;
    delete scope.Buffer;
    try {
      vi.resetModules();
      const { parsePosting } = await import('../../src/postings/parse');
      const result = parsePosting('2024-01-02-x.md', '---\nroles: Dev\nopen: true\n---\nBody\n');
      expect(result.ok).toBe(true);
      expect(scope.Buffer).toBeDefined();
    } finally {
      scope.Buffer = saved;
    }
  });

  it('results are not shared through gray-matter\'s cache', async () => {
    const { parsePosting } = await import('../../src/postings/parse');
    const text = '---\nroles: Dev\ndomaines: [Design]\n---\nBody\n';
    const first = parsePosting('2024-01-02-a.md', text);
    if (!first.ok) throw new Error('expected ok');
    first.posting.domaines.push('Mutated');
    first.posting.warnings.push({ code: 'bad-url', message: 'x' });
    const second = parsePosting('2024-01-02-a.md', text);
    if (!second.ok) throw new Error('expected ok');
    expect(second.posting.domaines).toEqual(['Design']);
    expect(second.posting.warnings).toEqual([]);
  });
});
