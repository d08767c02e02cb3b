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

// YAML single-quoted scalars: a ' is written ''.
const FRONT_MATTER = `---
roles: '<script>alert(1)</script><img src=x onerror=alert(2)> "><svg onload=alert(3)> Développeur·se'
startup: '<iframe src="javascript:alert(4)"></iframe><a href="javascript:alert(5)">startup</a>'
date: 2024-05-02
depublication_date: '<script>alert(30)</script>'
open: true
junior: true
contrat: '"><script>alert(6)</script><form action="javascript:alert(7)"><button formaction="javascript:alert(7)">CDD</button></form>'
domaines:
  - '<style>*{display:none}</style>Produit'
  - '<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>'
techno:
  - '<object data="javascript:alert(9)"></object>'
  - '<embed src="data:text/html,<script>alert(10)</script>">'
  - '<base href="javascript:alert(11)//"><meta http-equiv="refresh" content="0;url=javascript:alert(12)">'
contact: 'jobs@example.org, "><script>alert(13)</script>@evil.example, <a href="javascript:alert(14)">x@y.example</a>'
externalURL: 'javascript:alert(15)'
---
`;

const BODY = [
  '# Heading <script>alert(100)</script> <img src=x onerror=alert(101)>',
  '',
  'Inline: <script>alert(102)</script> <img src=x onerror=alert(103)> <svg onload=alert(104)> <iframe src="javascript:alert(105)"></iframe>',
  '<a href="javascript:alert(106)">a-js</a> <a href="&#106;avascript:alert(107)">a-entity</a> <a href="jav&#x09;ascript:alert(108)">a-tab</a>',
  '<a href=" javascript:alert(109)">a-space</a> <a href="https://ok.example/" onclick="alert(110)" style="position:fixed">a-ok</a>',
  '<a href="https://ok.example/"><img src=x onerror=alert(111)>img-in-link</a>',
  '',
  'Markdown links: [js](javascript:alert(120)) [JS](JaVaScRiPt:alert(121)) [data](data:text/html,<script>alert(122)</script>)',
  '[data64](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMjMpPC9zY3JpcHQ+) [vb](vbscript:msgbox(124)) [ent](&#106;avascript:alert(125))',
  '[hex](&#x6A;avascript:alert(126)) [angle](<javascript:alert(127)>) [spaced]( javascript:alert(128)) [proto](//evil.example/129)',
  '[rel](/relative/130) [noslash](https:evil.example/131) [backslash](https:\\\\evil.example/132) [ref][evil-ref]',
  '[title](https://ok.example/ "x\\" onmouseover=\\"alert(133)") [breakout](https://ok.example/"><script>alert(134)</script>)',
  '',
  'Autolinks: <javascript:alert(140)> <JAVASCRIPT:alert(141)> <data:text/html,alert(142)> <vbscript:alert(143)> www.ok.example',
  '',
  'Images: ![js](javascript:alert(150)) ![x](https://tracker.example/pixel.gif "t\\" onerror=\\"alert(151)") ![rel](/img/152.png)',
  '![data](data:image/svg+xml,<svg onload=alert(153)>) <img src="https://tracker.example/raw.gif" onerror="alert(154)">',
  '',
  '<script>',
  'alert(160)',
  '</script>',
  '',
  '<style>body { background: url(javascript:alert(161)) }</style>',
  '',
  '<iframe src="javascript:alert(162)" srcdoc="<script>alert(163)</script>">fallback</iframe>',
  '',
  '<object data="javascript:alert(164)"><embed src="javascript:alert(165)"></object>',
  '',
  '<form action="javascript:alert(166)"><input type=submit formaction="javascript:alert(167)" value=go></form>',
  '',
  '<svg><foreignObject><iframe src="javascript:alert(168)"></iframe></foreignObject><script>alert(169)</script></svg>',
  '',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(170)></style></mglyph></table></mtext></math>',
  '',
  '<noscript><p title="</noscript><img src=x onerror=alert(171)>"></noscript>',
  '',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(172)"><link rel=stylesheet href="https://evil.example/x.css">',
  '',
  '<div style="background:url(javascript:alert(173))" onclick="alert(174)">styled div</div>',
  '',
  '<scr<script>ipt>alert(175)</scr</script>ipt> "><script>alert(176)</script> \'><img src=x onerror=alert(177)>',
  '',
  '<!--<img src=x onerror=alert(180)>--> <!--> <img src=x onerror=alert(181)> -->',
  '',
  '<a href="https://ok.example/" <img src=x onerror=alert(182)>>malformed</a>',
  '',
  '<details open ontoggle=alert(183)><summary>sum</summary></details> <video><source onerror=alert(184)></video>',
  '',
  '<template><img src=x onerror=alert(185)></template> <textarea><img src=x onerror=alert(186)></textarea>',
  '',
  '[evil-ref]: javascript:alert(190)',
  '',
  '<img src="x" onerror="alert(199)" unclosed-at-the-end',
].join('\n');

/** Handler names and schemes of the payloads: they may show as text, never as markup. */
const MARKERS = ['onerror', 'onload', 'onclick', 'onmouseover', 'ontoggle', 'onfocus', 'javascript', 'vbscript', 'data:text'];

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
  const result = parsePosting('2024-05-02-xss.md', FRONT_MATTER + BODY);
  if (!result.ok) throw new Error(result.error.message);
  const parsed = stored(result.posting);
  const callbacks = { onBack() {}, onToggleFavourite() {}, onMarkSeen() {} };
  return [
    // As the parser gives it, with the startup unresolved (the raw reference is shown).
    { posting: parsed, startup: null, open: true, favourite: false, seen: false, originalUrl: 'javascript:alert(210)', ...callbacks },
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
      originalUrl: 'data:text/html,<script>alert(215)</script>',
      ...callbacks,
    },
    { posting: { ...parsed, externalUrl: '//evil.example/216' }, startup: { ...HOSTILE_STARTUP, link: 'https://evil.example/217"onclick="alert(217)' }, open: true, favourite: false, seen: false, originalUrl: 'vbscript:alert(218)', ...callbacks },
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
