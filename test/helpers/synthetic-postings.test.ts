import { describe, expect, it } from 'vitest';
import { buildStartupIndex, parsePosting, readStartupsRegistry, resolveStartup } from '../../src/postings';
import { searchInputFrom } from '../../src/search/input';
import {
  BODY_MAX_BYTES,
  BODY_MIN_BYTES,
  syntheticPostings,
  syntheticStartups,
  syntheticStartupsDocument,
  vocabulary,
} from './synthetic-postings';

const many = syntheticPostings(1_500, { seed: 11 });
const postings = many.slice(0, 400);

describe('synthetic postings', () => {
  it('are deterministic for a seed, and posting i does not depend on the count', () => {
    expect(syntheticPostings(40, { seed: 11 })).toEqual(postings.slice(0, 40));
    const other = syntheticPostings(40, { seed: 12 });
    expect(other.map((p) => p.file.text)).not.toEqual(postings.slice(0, 40).map((p) => p.file.text));
  });

  it('have unique file names and ids', () => {
    expect(new Set(postings.map((p) => p.file.name)).size).toBe(postings.length);
    expect(new Set(postings.map((p) => p.input.key)).size).toBe(postings.length);
  });

  it('have bodies of 2 to 15 KB (UTF-8 bytes)', () => {
    for (const { input } of postings) {
      const bytes = Buffer.byteLength(input.body);
      expect(bytes).toBeGreaterThanOrEqual(BODY_MIN_BYTES);
      expect(bytes).toBeLessThanOrEqual(BODY_MAX_BYTES);
    }
    const sizes = postings.map((p) => Buffer.byteLength(p.input.body)).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThan(3_000);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(6_000);
  });

  it('parse with parsePosting into exactly the search inputs built directly', () => {
    const startups = syntheticStartups(200, 11);
    const registry = readStartupsRegistry(JSON.parse(JSON.stringify(syntheticStartupsDocument(startups))));
    expect(registry).toEqual(startups);
    const index = buildStartupIndex(registry);
    for (const { file, input, startup } of postings) {
      const result = parsePosting(file.name, file.text);
      if (!result.ok) throw new Error(`${file.name}: ${result.error.message}\n${file.text.slice(0, 400)}`);
      expect(result.recovered).toBe(false);
      const resolved = resolveStartup(index, result.posting.startupRef)?.startup ?? null;
      expect(resolved?.id ?? null).toBe(startup?.id ?? null);
      const stored = { ...result.posting, key: `synthetic ${result.posting.id}`, sourceId: 'synthetic', startupId: resolved?.id ?? null };
      expect(searchInputFrom(stored, resolved)).toEqual(input);
    }
  });

  it('write role lines in the forms of the real feed', () => {
    const titles = many.map((p) => p.input.title);
    const some = (pattern: RegExp) => titles.filter((title) => pattern.test(title)).length;
    expect(some(/·/)).toBeGreaterThan(100); // Développeur·se, Chef·fe, Chargé·e
    expect(some(/\.(euse|e|se)\b/)).toBeGreaterThan(20); // Développeur.euse, Chargé.e
    expect(some(/\((e|euse|fe)\)/)).toBeGreaterThan(20); // Chargé(e), Développeur(euse)
    expect(some(/Product Owner/)).toBeGreaterThan(5);
    expect(some(/Designer UX\/UI/i)).toBeGreaterThan(5);
    expect(some(/\p{Extended_Pictographic}/u)).toBeGreaterThan(30);
    expect(some(/ (—|pour|chez|-) \p{Lu}/u)).toBeGreaterThan(50); // startup name appended
    expect(some(/^(un|une)\b/i)).toBeGreaterThan(100);
  });

  it('spread dates over 2018–2024 with about 5% open, over about 200 startups', () => {
    const years = new Set(many.map((p) => p.input.date?.slice(0, 4)));
    expect([...years].sort()).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    const open = many.filter((p) => p.input.openFlag).length / many.length;
    expect(open).toBeGreaterThan(0.03);
    expect(open).toBeLessThan(0.08);
    expect(new Set(many.map((p) => p.input.startupId).filter(Boolean)).size).toBeGreaterThan(120);
    expect(syntheticStartups().length).toBe(200);
    const domaines = new Set(many.flatMap((p) => p.input.domaines));
    for (const domaine of domaines) {
      expect(['Animation', 'Autre', 'Coaching', 'Data', 'Déploiement', 'Design', 'Développement', 'Intraprenariat', 'Produit']).toContain(domaine);
    }
  });

  it('have a vocabulary that keeps growing with the number of postings (Heaps)', () => {
    const small = vocabulary(postings.slice(0, 100).map((p) => p.input.body)).distinct;
    const large = vocabulary(postings.map((p) => p.input.body)).distinct;
    expect(small).toBeGreaterThan(3_000);
    // Four times the text: about 4^0.6 ≈ 2.3 times the words; a closed word list would stay flat.
    expect(large / small).toBeGreaterThan(1.6);
  });
});
