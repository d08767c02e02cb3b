/**
 * The offer view fed a posting written to attack it: every front-matter field the view
 * shows and the Markdown body carry script injections, event handlers, dangerous URL
 * schemes, parser confusions. Rendered both ways Preact can (the DOM renderer the popup
 * uses, and to a string parsed back), nothing may come out but our own elements, our own
 * attributes and allowed addresses; the hostile text may only appear as text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Startup } from '../../src/postings';
import { parsePosting } from '../../src/postings';
import { OfferView, type OfferViewProps } from '../../src/ui/popup/OfferView';
import { findUnsafe, forbiddenMarkup, mount, mountFromString, parseMarkup, textOf } from '../helpers/dom';
import { installMessages } from '../helpers/i18n';
import { stored } from '../helpers/offers';
import { HOSTILE_FILE_NAME, HOSTILE_MARKERS as MARKERS, HOSTILE_POSTING_TEXT } from '../helpers/hostile-posting';

const HOSTILE_STARTUP: Startup = {
  id: 'evil',
  name: '<img src=x onerror=alert(200)>',
  pitch: '<script>alert(201)</script>',
  link: 'javascript:alert(202)',
  contact: null,
  phases: [],
  thematiques: [],
  technos: [],
  incubatorId: '"><svg onload=alert(203)>',
};

function hostileProps(): OfferViewProps[] {
  const result = parsePosting(HOSTILE_FILE_NAME, HOSTILE_POSTING_TEXT);
  if (!result.ok) throw new Error(result.error.message);
  const parsed = stored(result.posting);
  const callbacks = { onBack() {}, onToggleFavourite() {}, onMarkSeen() {} };
  return [
    // As the parser gives it, with the startup unresolved (the raw reference is shown).
    { posting: parsed, startup: null, open: true, favourite: false, seen: false, links: [{ sourceId: 'wttj:hostile', url: 'javascript:alert(210)' }], ...callbacks },
    // Fields the parser would have cleaned, forced in: the view must check them itself.
    {
      posting: {
        ...parsed,
        externalUrl: 'javascript:alert(211)',
        applyEmails: ['x@y.example?body=%3Cscript%3E', 'javascript:alert(212)//@evil.example', 'a@b.example"onmouseover="alert(213)', 'ok@apply.example'],
        domaines: ['<img src=x onerror=alert(214)>'],
      },
      startup: HOSTILE_STARTUP,
      open: true,
      favourite: true,
      seen: true,
      links: [{ sourceId: 'wttj:hostile', url: 'data:text/html,<script>alert(215)</script>' }],
      ...callbacks,
    },
    { posting: { ...parsed, externalUrl: '//evil.example/216' }, startup: { ...HOSTILE_STARTUP, link: 'https://evil.example/217"onclick="alert(217)' }, open: true, favourite: false, seen: false, links: [{ sourceId: 'wttj:hostile', url: 'vbscript:alert(218)' }], ...callbacks },
  ];
}

describe('offer view against an XSS corpus', () => {
  beforeAll(() => {
    installMessages('fr');
  });

  it('the hostile posting parses, and carries its payloads into the fields the view shows', () => {
    const [first] = hostileProps();
    const posting = first!.posting;
    expect(posting.title).toContain('<script>');
    expect(posting.startupRef).toContain('<iframe');
    expect(posting.contract).toContain('<form');
    expect(posting.domaines.join()).toContain('<style>');
    expect(posting.techno.join()).toContain('<object');
    expect(posting.body).toContain('onerror');
  });

  for (const [index, props] of hostileProps().entries()) {
    it(`case ${index + 1}: the DOM Preact builds has only our elements, attributes and allowed addresses`, () => {
      const root = mount(<OfferView {...props} />);
      expect(findUnsafe(root, MARKERS)).toEqual([]);
      expect(root.querySelectorAll('a').length).toBeGreaterThan(0);
      // The hostile text is still there, as text.
      expect(root.querySelector('h2')?.textContent).toBe(props.posting.title);
      expect(textOf(root)).toContain('onerror');
    });

    it(`case ${index + 1}: the HTML string, read back by a parser, too`, () => {
      const { html, root } = mountFromString(<OfferView {...props} />);
      expect(forbiddenMarkup(html)).toEqual([]);
      expect(findUnsafe(root, MARKERS)).toEqual([]);
      expect(html).toContain('&lt;script>alert(1)&lt;/script>');
      expect(root.querySelector('h2')?.textContent).toBe(props.posting.title);
    });
  }

  it('keeps the allowed links of the hostile body, as our own links', () => {
    const root = mount(<OfferView {...hostileProps()[0]!} />);
    const hrefs = Array.from(root.querySelectorAll('.offer__body a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://ok.example/');
    expect(hrefs).toContain('http://www.ok.example/');
    expect(hrefs.every((href) => href !== null && /^(https?|mailto):/.test(href))).toBe(true);
    expect(root.querySelector('[data-action="apply"]')?.getAttribute('href')).toBe('mailto:jobs@example.org');
    expect(root.querySelector('[data-action="original"]')).toBeNull();
  });

  it('the view checks addresses itself: unsafe startup site, external URL, original and e-mails are not linked', () => {
    const root = mount(<OfferView {...hostileProps()[1]!} />);
    expect(Array.from(root.querySelectorAll('[data-action="apply"]')).map((a) => a.getAttribute('href'))).toEqual(['mailto:ok@apply.example']);
    expect(root.querySelector('[data-action="original"]')).toBeNull();
    expect(root.querySelector('.offer__startup-name a')).toBeNull();
    expect(root.querySelector('.offer__startup-name')?.textContent).toBe(HOSTILE_STARTUP.name);
  });
});

describe('the checker itself', () => {
  // Each check must be able to fail: fed markup a naive renderer would produce, it reports it.
  it('reports forbidden elements, handlers, bad schemes, unknown attributes and hostile words outside text', () => {
    const root = parseMarkup(
      [
        '<img src="https://ok.example/a.png">',
        '<script>x</script>',
        '<p onclick="go()">p</p>',
        '<a href="javascript:alert(1)" target="_blank" rel="noopener noreferrer">js</a>',
        '<a href="/relative" target="_blank">rel</a>',
        '<span style="color:red">s</span>',
        '<span data-x="javascript:1">d</span>',
        '<!-- a comment -->',
        '<blink>b</blink>',
      ].join(''),
    );
    const problems = findUnsafe(root, ['javascript']);
    for (const expected of [
      'forbidden element <img>',
      'forbidden element <script>',
      'event handler attribute onclick on <p>',
      'href="javascript:alert(1)" on <a>',
      'href="/relative" on <a>',
      '<a target=_blank> without rel="noopener noreferrer": /relative',
      'unexpected attribute style on <span>',
      '"javascript" in attribute data-x="javascript:1" on <span>',
      'unexpected element <blink>',
    ]) {
      expect(problems).toContain(expected);
    }
    expect(problems.some((problem) => problem.startsWith('node of type 8'))).toBe(true);
    expect(forbiddenMarkup('<p>&lt;script> is text</p><svg/onload=x>')).toEqual(['<svg> in the markup']);
  });
});
