import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { absoluteHttpUrl, findCards, pageSkeleton, readCards } from '../../src/sites/read';
import type { LayoutAdapter, SiteAdapter } from '../../src/sites/types';

function page(body: string): Document {
  return (parseHTML(`<!doctype html><html><body>${body}</body></html>`) as unknown as { document: Document }).document;
}

function site(...layouts: LayoutAdapter[]): SiteAdapter {
  return { id: 'test', name: 'Test', matches: ['https://jobs.example/*'], examples: [], layouts };
}

const BASE: LayoutAdapter = { name: 'list', card: ['.card'], title: ['.t'], organisation: ['.o'], location: ['.l'], link: ['a.go'] };
const URL_ = 'https://jobs.example/search?q=dev';

describe('readCards', () => {
  test('texts are whitespace-collapsed, block elements separate words, scripts and svg say nothing', () => {
    const doc = page(`<div class="card"><h3 class="t">\n  Développeur·se&nbsp;&nbsp;<b>full</b>-stack <svg><text>icon</text></svg><script>var x = 1</script>\u200b</h3>
      <p class="o"><span>beta</span>.gouv.fr</p><div class="l"><div>Paris</div><div>75</div></div></div>`);
    const [card] = readCards(doc, site(BASE), URL_);
    expect(card?.fields).toMatchObject({ title: 'Développeur·se full-stack', organisation: 'beta.gouv.fr', location: 'Paris 75' });
  });

  test('a card without a title is skipped (occluded shell), not read as empty', () => {
    const doc = page(`<div class="card"></div><div class="card"><span class="t">  </span></div><div class="card"><span class="t">PO</span></div>`);
    expect(readCards(doc, site(BASE), URL_).map((card) => card.fields.title)).toEqual(['PO']);
  });

  test('selectors are alternatives: the first that finds a non-empty text wins; @attribute reads an attribute', () => {
    const layout: LayoutAdapter = { ...BASE, title: ['.missing', '.empty', 'a[aria-label]@aria-label'], organisation: ['img[alt]@alt'] };
    const doc = page(`<div class="card"><span class="empty"> </span><a aria-label="  Product   Owner "></a><img alt="DINUM"></div>`);
    expect(readCards(doc, site(layout), URL_)[0]?.fields).toMatchObject({ title: 'Product Owner', organisation: 'DINUM' });
  });

  test('skip drops screen-reader labels inside a field', () => {
    const layout: LayoutAdapter = { ...BASE, skip: ['.sr-only'] };
    const doc = page(`<div class="card"><h3 class="t">Juriste</h3><p class="o"><span class="sr-only">Employeur : </span>DINUM</p></div>`);
    expect(readCards(doc, site(layout), URL_)[0]?.fields.organisation).toBe('DINUM');
  });

  test('a location written at the end of the organisation is taken out of it', () => {
    const doc = page(`<div class="card"><h3 class="t">A</h3><p class="o">DINUM&nbsp;-&nbsp;<span class="l">75 - PARIS</span></p></div>
      <div class="card"><h3 class="t">B</h3><p class="o"><span class="l">93 - MONTREUIL</span></p></div>
      <div class="card"><h3 class="t">C</h3><p class="o">Paris Habitat</p><p class="l">Paris</p></div>`);
    const orgs = readCards(doc, site({ ...BASE, location: ['.l'] }), URL_).map((card) => card.fields.organisation);
    expect(orgs).toEqual(['DINUM', null, 'Paris Habitat']);
  });

  test('links are made absolute and kept only if http(s)', () => {
    const doc = page(`<div class="card"><h3 class="t">A</h3>
      <a class="go" href="javascript:alert(1)">x</a><a class="go" href="/jobs/view/42/?ref=1">y</a>
      <a href="mailto:someone@example.org">m</a><a href="data:text/html,hi">d</a><a href="//cdn.example/x">c</a><a href="">self</a></div>`);
    const fields = readCards(doc, site(BASE), URL_)[0]!.fields;
    expect(fields.url).toBe('https://jobs.example/jobs/view/42/?ref=1');
    expect(fields.links).toEqual(['https://jobs.example/jobs/view/42/?ref=1', 'https://cdn.example/x', 'https://jobs.example/search?q=dev']);
    expect(absoluteHttpUrl('  https://a.example/b ', URL_)).toBe('https://a.example/b');
    expect(absoluteHttpUrl('http://[bad', URL_)).toBeNull();
  });

  test('a card wrapped in its offer link takes that link', () => {
    const doc = page(`<a href="/offer/7"><div class="card"><h3 class="t">A</h3></div></a><a href="/elsewhere"><div class="card"><h3 class="t">B</h3></div></a>`);
    const layout: LayoutAdapter = { ...BASE, link: ['a[href*="/offer/"]'] };
    expect(readCards(doc, site(layout), URL_).map((card) => card.fields.url)).toEqual(['https://jobs.example/offer/7', null]);
  });

  test('ids: attributes (card or inside, with a pattern), then the link (path pattern, parameter), then a view\'s page URL', () => {
    const layout: LayoutAdapter = {
      ...BASE,
      id: { attributes: ['data-urn', 'data-job-id'], pattern: /^(?:urn:job:)?(\d+)$/, href: /\/view\/(\d+)/, urlParam: 'currentJobId' },
    };
    const doc = page(`
      <div class="card" data-urn="urn:job:1"><h3 class="t">A</h3></div>
      <div class="card"><h3 class="t">B</h3><button data-job-id="2"></button></div>
      <div class="card"><h3 class="t">C</h3><a class="go" href="/view/3/">c</a></div>
      <div class="card"><h3 class="t">D</h3><a class="go" href="/search?currentJobId=4">d</a></div>
      <div class="card" data-urn="not-an-id"><h3 class="t">E</h3></div>`);
    expect(readCards(doc, site(layout), 'https://jobs.example/search?currentJobId=99').map((card) => card.fields.jobId)).toEqual(['1', '2', '3', '4', null]);
    const view: LayoutAdapter = { ...layout, name: 'view', kind: 'view', card: ['.view'] };
    const viewDoc = page(`<section class="view"><h1 class="t">F</h1></section>`);
    expect(readCards(viewDoc, site(view), 'https://jobs.example/search?currentJobId=99')[0]?.fields).toMatchObject({ jobId: '99', url: null });
    expect(readCards(viewDoc, site(view), 'https://jobs.example/view/5/#top')[0]?.fields).toMatchObject({ jobId: '5', url: 'https://jobs.example/view/5/' });
  });

  test('the outer element wins when a card selector also matches inside a card', () => {
    const doc = page(`<div data-key="card-1"><div data-key="card-1"><p class="t">A</p></div></div><div data-key="card-2"><p class="t">B</p></div>`);
    const layout: LayoutAdapter = { ...BASE, card: ['[data-key^="card-"]'] };
    expect(findCards(doc, layout)).toHaveLength(2);
    expect(readCards(doc, site(layout), URL_).map((card) => card.fields.title)).toEqual(['A', 'B']);
  });

  test('an unsupported or broken selector is an alternative that finds nothing', () => {
    const layout: LayoutAdapter = { ...BASE, card: ['div:nonsense-pseudo(', '.card'], title: ['[[[', '.t'] };
    const doc = page(`<div class="card"><h3 class="t">A</h3></div>`);
    expect(readCards(doc, site(layout), URL_).map((card) => card.fields.title)).toEqual(['A']);
  });

  test('a subtree that is itself a card (handed over by an observer) is read', () => {
    const doc = page(`<div class="card" id="c"><h3 class="t">A</h3></div>`);
    const card = doc.getElementById('c')!;
    expect(readCards(card, site(BASE), URL_).map((c) => c.element)).toEqual([card]);
  });

  test('layouts restricted to another path are not used; an element found by two layouts is read once', () => {
    const other: LayoutAdapter = { ...BASE, name: 'other', path: /^\/elsewhere/ };
    const twice: LayoutAdapter = { ...BASE, name: 'twice' };
    const doc = page(`<div class="card"><h3 class="t">A</h3></div>`);
    expect(readCards(doc, site(BASE, other, twice), URL_).map((card) => card.layout)).toEqual(['list']);
  });

  test('very long texts are cut (a selector that took a whole block)', () => {
    const doc = page(`<div class="card"><h3 class="t">${'mot '.repeat(500)}</h3></div>`);
    expect(readCards(doc, site(BASE), URL_)[0]!.fields.title.length).toBeLessThanOrEqual(300);
  });
});

describe('pageSkeleton', () => {
  test('tags, ids, classes, attribute names; values only for structural attributes, numbers masked', () => {
    const doc = page(`<main id="main" class="a b"><div role="button" componentkey="job-card-component-ref-123" data-testid="card"
      data-title="Comptable" aria-label="Comptable chez X" title="Comptable" data-occludable-job-id="77"><a href="https://x.example/private?q=me">Texte</a>
      <input type="text" value="mon nom"><img src="https://x.example/me.png" alt="Camille"></div></main>`);
    const skeleton = pageSkeleton(doc.getElementById('main')!);
    expect(skeleton).toContain('main#main.a.b');
    expect(skeleton).toContain('div [role="button"] [componentkey="job-card-component-ref-0"] [data-testid="card"] [data-title] [aria-label] [title] [data-occludable-job-id]');
    expect(skeleton).toContain(' a [href]');
    expect(skeleton).toContain(' input [type="text"] [value]');
    for (const secret of ['Comptable', 'Texte', 'private', 'mon nom', 'me.png', 'Camille', '123', '77']) expect(skeleton).not.toContain(secret);
  });

  test('a structural value that looks like free text is dropped', () => {
    const doc = page(`<div id="r"><div data-testid="Bonjour Camille Dupont"></div></div>`);
    expect(pageSkeleton(doc.getElementById('r')!)).toBe('div#r\n div [data-testid]');
  });

  test('identical siblings fold, and depth and size are capped', () => {
    const doc = page(`<ul id="r">${'<li class="x" data-occludable-job-id="1"></li>'.repeat(5)}<li class="y"></li></ul>`);
    expect(pageSkeleton(doc.getElementById('r')!)).toBe('ul#r\n li.x [data-occludable-job-id]\n (× 4 more like the above)\n li.y');
    const deep = page(`<div id="d"><div><div><div><span></span></div></div></div></div>`);
    expect(pageSkeleton(deep.getElementById('d')!, { maxDepth: 2 })).toBe('div#d\n div\n  div\n   … 2 element(s) deeper');
    const wide = page(`<div id="w">${'<p></p><span></span>'.repeat(10)}</div>`);
    const capped = pageSkeleton(wide.getElementById('w')!, { maxElements: 5 });
    expect(capped.split('\n')).toHaveLength(6);
    expect(capped).toMatch(/… 16 more element\(s\) not listed$/);
  });
});

test('src/sites never writes or reads markup as HTML strings', () => {
  const dir = fileURLToPath(new URL('../../src/sites/', import.meta.url));
  const files = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  for (const name of files) {
    const source = readFileSync(`${dir}${name}`, 'utf8');
    expect(source, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|DOMParser|document\.write/);
  }
});
