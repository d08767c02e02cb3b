import { describe, expect, it } from 'vitest';
import { buildSearchIndex, DEFAULT_FILTERS, searchPostings } from '../../src/search/index';
import {
  buildSuggestions,
  escapeXml,
  MAX_SUGGESTIONS,
  oneLine,
  readOmniboxEntry,
  suggestionContent,
  suggestionDescription,
} from '../../src/omnibox/suggestions';
import { syntheticSearchInputs } from '../helpers/synthetic-postings';
import { input, NOW } from './postings';

const index = buildSearchIndex([
  input({ title: 'Développeuse ou développeur back-end', startupName: 'Radar des aides', date: '2024-05-20' }),
  input({ title: 'Chargé·e de déploiement', body: 'Vous travaillerez avec un développeur et une designer.', date: '2024-05-25' }),
  input({ title: 'Développeur·se front-end', startupRef: 'carnet-de-bord', date: '2024-05-10' }),
  input({ title: 'Développeur fermé', openFlag: false, date: '2024-05-30' }),
  input({ title: 'Designer UX', startupName: 'Aidants Connect', date: '2024-05-28' }),
  input({ title: `<b>Développeur</b> & "dév" 'senior'`, startupName: '</dim><url>javascript:alert(1)</url>', date: '2024-05-01' }),
]);

const keysOf = (suggestions: { content: string }[]) =>
  suggestions.map((s) => {
    const entry = readOmniboxEntry(s.content);
    if (entry.kind !== 'offer') throw new Error(`not an offer: ${s.content}`);
    return entry.key;
  });

describe('address-bar suggestions', () => {
  it('lists the offers in the popup search order, open ones only', () => {
    const suggestions = buildSuggestions(index, 'développeur', { now: NOW, format: 'text' });
    const popupOrder = searchPostings(index, 'développeur', { filters: DEFAULT_FILTERS, now: NOW }).hits.map((h) => index.docs[h.doc]!.key);
    expect(keysOf(suggestions)).toEqual(popupOrder);
    // A role name is looked up in role lines (not the body mention), newest first, the closed offer nowhere.
    expect(suggestions.map((s) => s.description)).toEqual([
      'Développeuse ou développeur back-end — Radar des aides',
      'Développeur·se front-end — carnet-de-bord',
      `<b>Développeur</b> & "dév" 'senior' — </dim><url>javascript:alert(1)</url>`,
    ]);
  });

  it('stops at six, in the same order as the popup on a larger synthetic set', () => {
    const open = syntheticSearchInputs(120).map((i) => ({ ...i, openFlag: true, depublicationDate: null, applicationDeadline: null }));
    const big = buildSearchIndex(open);
    for (const query of ['développeur', 'product owner', 'design']) {
      const hits = searchPostings(big, query, { filters: DEFAULT_FILTERS, now: NOW }).hits;
      expect(hits.length, query).toBeGreaterThan(MAX_SUGGESTIONS);
      const suggestions = buildSuggestions(big, query, { now: NOW, format: 'xml' });
      expect(suggestions).toHaveLength(MAX_SUGGESTIONS);
      expect(keysOf(suggestions)).toEqual(hits.slice(0, MAX_SUGGESTIONS).map((h) => big.docs[h.doc]!.key));
    }
  });

  it('escapes hostile posting text for Chrome, and sends no markup of its own to Firefox', () => {
    const [hostile] = buildSuggestions(index, 'senior', { now: NOW, format: 'xml' });
    expect(hostile!.description).toBe(
      '&lt;b&gt;Développeur&lt;/b&gt; &amp; &quot;dév&quot; &apos;senior&apos; <dim>— &lt;/dim&gt;&lt;url&gt;javascript:alert(1)&lt;/url&gt;</dim>',
    );
    // The only tags left are the one <dim> pair we wrote.
    expect(hostile!.description.match(/<[^>]*>/g)).toEqual(['<dim>', '</dim>']);
    const [plain] = buildSuggestions(index, 'senior', { now: NOW, format: 'text' });
    expect(plain!.description).not.toMatch(/&(amp|lt|gt|quot|apos);|<dim>/);
  });

  it('escapes the five XML characters and nothing else', () => {
    expect(escapeXml(`<b>&"'é`)).toBe('&lt;b&gt;&amp;&quot;&apos;é');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('keeps descriptions on one short line (no control characters, which XML forbids)', () => {
    expect(oneLine('Dév\u0000\n\tsenior\u007f  data')).toBe('Dév senior data');
    const long = oneLine('a'.repeat(500));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('…')).toBe(true);
    expect(suggestionDescription({ title: 'Data\nscientist', startupName: null, startupRef: null }, 'xml')).toBe('Data scientist');
    expect(oneLine('a\ufffeb\uffffc')).toBe('a b c');
  });

  it('cuts a long description between characters, never inside an emoji', () => {
    const cut = oneLine('🚀'.repeat(200), 10);
    expect(cut).toBe(`${'🚀'.repeat(9)}…`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });

  it('suggests nothing for empty input, spaces, or an exclusion alone', () => {
    for (const text of ['', '   ', '-designer']) expect(buildSuggestions(index, text, { now: NOW, format: 'xml' })).toEqual([]);
  });
});

describe('what Enter in the address bar asks for', () => {
  it('finds the offer behind a chosen suggestion, whatever its title holds', () => {
    for (const key of ['test 2024-05-02-dev', 'github#1 a#b c', 'src 100%-remote']) {
      const content = suggestionContent({ key, title: 'C# dev — #1 (Paris)', startupName: 'X #test%20y' });
      expect(readOmniboxEntry(content)).toEqual({ kind: 'offer', key });
    }
  });

  it('takes typed text as a search, even one ending in #word', () => {
    expect(readOmniboxEntry('  développeur python ')).toEqual({ kind: 'query', query: 'développeur python' });
    expect(readOmniboxEntry('langage #python')).toEqual({ kind: 'query', query: 'langage #python' });
    expect(readOmniboxEntry('bad #%E0%A4%A')).toEqual({ kind: 'query', query: 'bad #%E0%A4%A' });
  });

  it('opens the bare popup for empty input', () => {
    expect(readOmniboxEntry('   ')).toEqual({ kind: 'none' });
  });
});
