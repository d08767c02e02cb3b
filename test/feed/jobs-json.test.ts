import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../src/feed/http';
import { createJobsJsonSource, isJobsJsonUrl, plainExcerpt, readJobsJson } from '../../src/feed/jobs-json';
import type { FeedEntry } from '../../src/feed/source';
import type { Posting } from '../../src/postings/types';
import { stubFetch } from '../helpers/fetch';

afterEach(() => vi.unstubAllGlobals());

const FEED = 'https://beta.example/api/v2.6/jobs.json';

// Invented items in the shape beta.gouv.fr's Jekyll template produced: title with the
// " - Offre de <startup>" suffix, Ruby-style dates, technos/contacts as one string,
// content = excerpt with tags stripped and HTML-escaped.
const templateItem = {
  id: '2023-04-12-developpeur-euse-potager-numerique',
  domaines: ['Développement', 'data'],
  title: 'Développeur·euse full stack - Offre de Potager Numérique',
  url: 'https://beta.example/recrutement/2023/04/12/developpeur-euse-potager-numerique.html',
  published: '2023-04-12 00:00:00 +0200',
  startup: 'potager-numerique',
  updated: '2023-04-20 10:15:00 +0200',
  author: 'beta.gouv.fr',
  technos: 'TypeScript, PostgreSQL',
  content: 'Le Potager Numérique aide les communes à partager leurs jardins &amp; vergers. Écrivez à Recrutement@Potager.example si le projet vous parle.',
  contacts: 'claire.jardin@potager.example',
};

const htmlItem = {
  id: 'content/_jobs/2023-05-02-designer-carte-des-fontaines.md',
  domaines: 'Design',
  title: 'Designer &quot;service&quot; - Offre de Carte des Fontaines',
  url: 'https://beta.example/recrutement/2023/05/02/designer-carte-des-fontaines.html',
  published: '2023-05-01T22:30:00.000Z',
  startup: ' Carte des Fontaines ',
  technos: ['Figma', 'DSFR'],
  content:
    '<!-- brouillon --><h2>L&#39;équipe</h2>\n<p>Nous <strong>cartographions</strong> les fontaines <a href="https://fontaines.example">publiques</a>.</p>\n<p>Deuxième paragraphe : <a href="mailto:design@fontaines.example">nous écrire</a>.</p>',
  contacts: ['Mme Rivière <riviere@fontaines.example>', 'design@fontaines.example'],
  externalUrl: 'https://candidatures.example/offres/42',
};


function serve(document: unknown, headers: Record<string, string> = {}) {
  return stubFetch(() => new Response(JSON.stringify(document), { status: 200, headers }));
}

function postingOf(entry: FeedEntry | undefined): Posting {
  if (!entry?.inline?.ok) throw new Error(`expected a posting, got ${JSON.stringify(entry?.inline)}`);
  return entry.inline.posting;
}

async function list(document: unknown): Promise<FeedEntry[]> {
  serve(document);
  const result = await createJobsJsonSource(FEED).list();
  if (result.notModified) throw new Error('expected a listing');
  return result.entries;
}

describe('isJobsJsonUrl', () => {
  it.each([
    ['https://beta.gouv.fr/api/v2.6/jobs.json', true],
    ['https://mirror.example/JOBS.json', true],
    ['https://mirror.example/jobs.json?x=1', true],
    ['https://mirror.example/index.json', false],
    ['https://mirror.example/myjobs.json', false],
    ['https://mirror.example/jobs.json/index.json', false],
  ])('%s → %s', (url, expected) => {
    expect(isJobsJsonUrl(new URL(url))).toBe(expected);
  });
});

describe('jobs-json source', () => {
  it('has its kind and id', () => {
    const source = createJobsJsonSource(FEED);
    expect(source.kind).toBe('jobs-json');
    expect(source.id).toBe(`jobs-json:${FEED}`);
    expect(source.url).toBe(FEED);
  });

  it('reads an item as the template wrote it', async () => {
    const calls = serve([templateItem], { ETag: 'W/"v1"' });
    const result = await createJobsJsonSource(FEED).list();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(FEED);
    expect(calls[0]?.headers['If-None-Match']).toBeUndefined();
    if (result.notModified) throw new Error('expected a listing');
    expect(result.etag).toBe('W/"v1"');
    const [entry] = result.entries;
    expect(entry?.fileName).toBe('2023-04-12-developpeur-euse-potager-numerique');
    expect(entry?.url).toBe(templateItem.url);
    expect(entry?.version).toMatch(/^[0-9a-f]{64}$/);
    const posting = postingOf(entry);
    expect(posting).toMatchObject({
      id: '2023-04-12-developpeur-euse-potager-numerique',
      fileName: '2023-04-12-developpeur-euse-potager-numerique',
      title: 'Développeur·euse full stack',
      startupRef: 'potager-numerique',
      openFlag: true,
      closedReason: null,
      date: '2023-04-12',
      dateSource: 'front-matter',
      depublicationDate: null,
      domaines: ['Développement', 'Data'],
      techno: ['TypeScript', 'PostgreSQL'],
      externalUrl: null,
      applyEmails: ['claire.jardin@potager.example', 'recrutement@potager.example'],
      body: templateItem.content,
      warnings: [],
    });
    expect(posting.excerpt).toBe(
      'Le Potager Numérique aide les communes à partager leurs jardins & vergers. Écrivez à Recrutement@Potager.example si le projet vous parle.',
    );
  });

  it('reads HTML content, lists, an external URL and an id that keeps its folder', async () => {
    const [entry] = await list([htmlItem]);
    expect(entry?.fileName).toBe('2023-05-02-designer-carte-des-fontaines');
    const posting = postingOf(entry);
    expect(posting.title).toBe('Designer "service"');
    expect(posting.startupRef).toBe('Carte des Fontaines');
    // 22:30 UTC on 1 May is 2 May in Paris.
    expect(posting.date).toBe('2023-05-02');
    expect(posting.domaines).toEqual(['Design']);
    expect(posting.techno).toEqual(['Figma', 'DSFR']);
    expect(posting.externalUrl).toBe('https://candidatures.example/offres/42');
    expect(posting.applyEmails).toEqual(['riviere@fontaines.example', 'design@fontaines.example']);
    // Untrusted HTML kept as received in the body; the excerpt is plain text.
    expect(posting.body).toBe(htmlItem.content);
    expect(posting.excerpt).toBe("L'équipe");
  });

  it.each([
    ['a plain array', (items: unknown[]) => items],
    ['{ items }', (items: unknown[]) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'Offres', items })],
    ['{ data }', (items: unknown[]) => ({ data: items })],
    ['{ data } with JSON:API attributes', (items: unknown[]) => ({ data: items.map((item) => ({ id: (item as { id: string }).id, type: 'job', attributes: { ...(item as object), id: undefined } })) })],
  ])('reads %s', async (_label, wrap) => {
    const entries = await list(wrap([templateItem, htmlItem]));
    expect(entries.map((entry) => entry.fileName)).toEqual(['2023-04-12-developpeur-euse-potager-numerique', '2023-05-02-designer-carte-des-fontaines']);
    expect(entries.map((entry) => postingOf(entry).title)).toEqual(['Développeur·euse full stack', 'Designer "service"']);
  });

  it('answers notModified on a 304 after sending the ETag', async () => {
    const calls = stubFetch(() => new Response(null, { status: 304 }));
    expect(await createJobsJsonSource(FEED).list({ etag: '"v1"' })).toEqual({ notModified: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers['If-None-Match']).toBe('"v1"');
  });

  it.each([
    ['not JSON', '<html>Erreur</html>'],
    ['a string', '"bonjour"'],
    ['null', 'null'],
    ['an object without a list', '{"title":"Offres","count":3}'],
  ])('refuses a body that is %s with a clear invalid-body error', async (_label, body) => {
    stubFetch(() => new Response(body, { status: 200 }));
    const error = await createJobsJsonSource(FEED).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ kind: 'invalid-body' });
    expect((error as FeedError).message).toContain(FEED);
  });

  it('turns bad items into error entries without losing the good ones', async () => {
    const entries = await list([
      'texte',
      null,
      { title: 'Sans identifiant ni adresse' },
      { id: '2023-06-01-sans-titre', url: 'https://beta.example/recrutement/sans-titre.html', title: '   ' },
      { url: 'https://beta.example/recrutement/2023/06/02/cheffe-de-projet%20data.html', title: 'Cheffe de projet data', published: 'hier' },
      { id: 77, title: 'Identifiant numérique', published: '2023-06-03' },
      templateItem,
    ]);
    expect(entries.map((entry) => [entry.fileName, entry.inline?.ok ? 'ok' : entry.inline?.error.code])).toEqual([
      ['#1', 'invalid-item'],
      ['#2', 'invalid-item'],
      ['#3', 'invalid-item'],
      ['2023-06-01-sans-titre', 'no-title'],
      ['cheffe-de-projet data', 'ok'],
      ['77', 'ok'],
      ['2023-04-12-developpeur-euse-potager-numerique', 'ok'],
    ]);
    const [first, , third] = entries;
    if (first?.inline?.ok !== false || third?.inline?.ok !== false) throw new Error('expected errors');
    expect(first.inline.error.message).toBe(`item 1 of ${FEED} is a string, not a posting object.`);
    expect(third.inline.error.message).toContain('neither an "id" nor a "url"');
    expect(third.inline.error.fileName).toBe('#3');
    // An unreadable date is a warning, not a failure.
    expect(postingOf(entries[4]).date).toBeNull();
    expect(postingOf(entries[4]).warnings.map((warning) => warning.code)).toEqual(['bad-date', 'no-date']);
    expect(postingOf(entries[5]).date).toBe('2023-06-03');
  });

  it('honours an item that says it is closed, filled or past its deadline', async () => {
    const base = { url: 'https://beta.example/recrutement/x.html', title: 'Coach agile', published: '2023-01-10' };
    const entries = await list([
      { ...base, id: 'ferme', open: false },
      { ...base, id: 'ferme-texte', open: 'false' },
      { ...base, id: 'pourvu', poste_pourvu: true },
      { ...base, id: 'echeance', poste_ferme: '2023-02-01', depublication_date: '2023-03-01' },
    ]);
    expect(entries.map((entry) => [postingOf(entry).openFlag, postingOf(entry).closedReason])).toEqual([
      [false, 'open-false'],
      [false, 'open-false'],
      [false, 'filled'],
      [true, null],
    ]);
    expect(postingOf(entries[3])).toMatchObject({ applicationDeadline: '2023-02-01', depublicationDate: '2023-03-01' });
  });

  it('keeps the first of two items with the same id', async () => {
    const entries = await list([templateItem, { ...templateItem, title: 'Doublon - Offre de X' }]);
    expect(entries).toHaveLength(1);
    expect(postingOf(entries[0]).title).toBe('Développeur·euse full stack');
  });

  it('gives stable versions: same item, same version; changed item, new version', async () => {
    const [a] = await list([templateItem]);
    const [again] = await list([htmlItem, templateItem].reverse());
    const reordered = Object.fromEntries(Object.entries(templateItem).reverse());
    const [sameKeysOtherOrder] = await list([reordered]);
    const [changed] = await list([{ ...templateItem, content: `${templateItem.content} Poste à pourvoir vite.` }]);
    expect(again?.version).toBe(a?.version);
    expect(sameKeysOtherOrder?.version).toBe(a?.version);
    expect(changed?.fileName).toBe(a?.fileName);
    expect(changed?.version).not.toBe(a?.version);
  });

  it('reads a document without fetching through readJobsJson', async () => {
    const entries = await readJobsJson({ items: [templateItem] }, FEED);
    expect(entries).toHaveLength(1);
    await expect(readJobsJson({ nope: true }, FEED)).rejects.toBeInstanceOf(FeedError);
  });

  it('has no file to fetch', async () => {
    const entries = await list([templateItem]);
    await expect(createJobsJsonSource(FEED).fetchFile(entries[0]!)).rejects.toBeInstanceOf(FeedError);
  });
});

describe('plainExcerpt', () => {
  it.each([
    ['first Markdown paragraph, marks removed', '## Le **projet**\n\nSuite du texte.', 'Le projet'],
    ['text before the more marker', 'Début [du texte](https://a.example)\nsur deux lignes\n<!--more-->\nFin', 'Début du texte sur deux lignes'],
    ['an HTML paragraph', '<p>Un <em>premier</em> paragraphe.</p><p>Un second.</p>', 'Un premier paragraphe.'],
    ['two line breaks as a paragraph end', 'Ligne un<br><br/>Ligne deux', 'Ligne un'],
    ['script and style dropped', '<style>p{}</style><script>alert(1)</script>Texte sûr', 'Texte sûr'],
    ['a lone < kept', 'Moins de 3 < 5 personnes', 'Moins de 3 < 5 personnes'],
    ['escaped tags stay text', '&lt;b&gt;gras&lt;/b&gt; &#x2013; fin', '<b>gras</b> – fin'],
    ['nothing', '  \n\n ', ''],
  ])('%s', (_label, content, expected) => {
    expect(plainExcerpt(content)).toBe(expected);
  });
});
