import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeUrl, safeWebUrl } from '../../src/ui/markdown';
import { decodeEntities } from '../../src/ui/markdown/entities';
import { lexHtml } from '../../src/ui/markdown/html';
import { findUnsafe, mount, textOf } from '../helpers/dom';

const imageLabel = (alt: string) => (alt === '' ? 'Picture' : `Picture: ${alt}`);
const md = (source: string, topHeading?: number) => mount(renderMarkdown(source, { imageLabel, ...(topHeading ? { topHeading } : {}) }));
const tags = (root: HTMLElement) => Array.from(root.querySelectorAll('*')).map((element) => element.tagName.toLowerCase());
const links = (root: HTMLElement) => Array.from(root.querySelectorAll('a')).map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));

describe('safeUrl', () => {
  it('keeps absolute http, https and mailto addresses, normalised', () => {
    expect(safeUrl('https://beta.gouv.fr/recrutement')).toBe('https://beta.gouv.fr/recrutement');
    expect(safeUrl('HTTP://Example.ORG')).toBe('http://example.org/');
    expect(safeUrl('  https://example.org/a b\n')).toBe('https://example.org/a%20b');
    expect(safeUrl('mailto:jobs@example.org')).toBe('mailto:jobs@example.org');
    expect(safeUrl('MAILTO:jobs@example.org')).toBe('mailto:jobs@example.org');
  });

  it('refuses every other scheme, relative and protocol-relative addresses, and broken ones', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/',
      'chrome-extension://abc/popup.html',
      '//evil.example/x',
      '/jobs/offer',
      'offer.html',
      '#top',
      'https:evil.example',
      'https:/evil.example',
      'https:\\\\evil.example',
      'https://',
      'http://[::1',
      'mailto:',
      '',
    ]) {
      expect(safeUrl(raw), raw).toBeNull();
    }
    expect(safeUrl(null)).toBeNull();
    expect(safeUrl(undefined)).toBeNull();
  });

  it('safeWebUrl: web pages only', () => {
    expect(safeWebUrl('https://example.org/')).toBe('https://example.org/');
    expect(safeWebUrl('mailto:jobs@example.org')).toBeNull();
  });
});

describe('decodeEntities', () => {
  it('decodes numeric references and the common names, leaves others as written', () => {
    expect(decodeEntities('a&nbsp;b &eacute;t&eacute; &#233; &#xE9; &amp;amp; &lt;b&gt;')).toBe('a\u00a0b été é é &amp; <b>');
    expect(decodeEntities('&#106;avascript: &#x6A;ava')).toBe('javascript: java');
    expect(decodeEntities('&#0; &#xD800; &#x110000;')).toBe('\ufffd \ufffd \ufffd');
    expect(decodeEntities('&unknownname; &amp no semicolon &constructor; &__proto__;')).toBe('&unknownname; &amp no semicolon &constructor; &__proto__;');
  });
});

describe('lexHtml', () => {
  it('reads tags, attributes (decoded, first wins) and text, and skips comments and raw-text content', () => {
    expect(lexHtml('x<A HREF="&#104;ttps://e.org/" href=other title=\'t\'>y</a><!-- c --><script>if (a<b) x()</script>z')).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'open', name: 'a', attrs: new Map([['href', 'https://e.org/'], ['title', 't']]), selfClosing: false },
      { kind: 'text', text: 'y' },
      { kind: 'close', name: 'a' },
      { kind: 'open', name: 'script', attrs: new Map(), selfClosing: false },
      { kind: 'close', name: 'script' },
      { kind: 'text', text: 'z' },
    ]);
  });

  it('drops what a browser would swallow: an unterminated tag or comment hides the rest', () => {
    expect(lexHtml('before <img src="x onerror=alert(1)> after')).toEqual([{ kind: 'text', text: 'before ' }]);
    expect(lexHtml('before <!-- never closed <b>x</b>')).toEqual([{ kind: 'text', text: 'before ' }]);
    expect(lexHtml('1 < 2 and a<-b')).toEqual([{ kind: 'text', text: '1 < 2 and a<-b' }]);
  });
});

describe('renderMarkdown: links', () => {
  it('keeps http, https and mailto links, opening in a new tab without opener nor referrer', () => {
    const root = md('[site](https://example.org/a) [mail](mailto:jobs@example.org) <https://example.org/auto> jobs@example.org https://example.org/bare.');
    expect(links(root)).toEqual([
      { href: 'https://example.org/a', text: 'site' },
      { href: 'mailto:jobs@example.org', text: 'mail' },
      { href: 'https://example.org/auto', text: 'https://example.org/auto' },
      { href: 'mailto:jobs@example.org', text: 'jobs@example.org' },
      { href: 'https://example.org/bare', text: 'https://example.org/bare' },
    ]);
    for (const a of Array.from(root.querySelectorAll('a'))) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('shows the text of any other link, without a link', () => {
    const root = md(
      [
        '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](vbscript:x) [e](&#106;avascript:alert(1))',
        '[f](/relative) [g](//evil.example/x) [h](https:evil.example) <javascript:alert(1)> [i][ref]',
        '',
        '[ref]: javascript:alert(1)',
      ].join('\n'),
    );
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(textOf(root)).toContain('a b c d e');
    expect(textOf(root)).toContain('f g h javascript:alert(1) i');
  });

  it('never nests a link in a link (an image in a link keeps its alt text), and keeps a link title as text', () => {
    const root = md('[![Logo](https://img.example/logo.png) home](https://outer.example/) and <a href="https://a.example/">a <a href="https://b.example/">b</a> [c](https://c.example/)</a>');
    expect(root.querySelectorAll('a a')).toHaveLength(0);
    expect(links(root)).toEqual([
      { href: 'https://outer.example/', text: 'Logo home' },
      { href: 'https://a.example/', text: 'a b c' },
    ]);
    const titled = md('[x](https://example.org "A &amp; B")').querySelector('a');
    expect(titled?.getAttribute('title')).toBe('A & B');
  });
});

describe('renderMarkdown: images are never loaded', () => {
  it('a safe image becomes a link named by its alt text; no <img> is ever created', () => {
    const root = md('![Our team](https://img.example/team.jpg) ![](https://img.example/anon.png) <img src="https://img.example/raw.png" alt="drawing" width="250"/>');
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(links(root)).toEqual([
      { href: 'https://img.example/team.jpg', text: 'Picture: Our team' },
      { href: 'https://img.example/anon.png', text: 'Picture' },
      { href: 'https://img.example/raw.png', text: 'Picture: drawing' },
    ]);
  });

  it('an image whose address is not allowed leaves its alt text, or nothing', () => {
    const root = md('A ![Team photo](/img/jobs/team.jpg) B ![](data:image/png;base64,AAAA) C ![x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(root.querySelectorAll('img, a')).toHaveLength(0);
    expect(textOf(root).replace(/\s+/g, ' ').trim()).toBe('A Team photo B C x');
  });
});

describe('renderMarkdown: headings never outrank the view title', () => {
  it('shifts # to h3 and caps at h6', () => {
    const root = md('# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six\n\nSetext\n======');
    expect(tags(root).filter((tag) => /^h\d$/.test(tag))).toEqual(['h3', 'h4', 'h5', 'h6', 'h6', 'h3']);
    expect(root.querySelector('h1, h2')).toBeNull();
  });

  it('starts from the shallowest level the body uses, so the outline has no gap', () => {
    expect(tags(md('## Mission\n\n### Profil\n\n## Équipe')).filter((tag) => /^h\d$/.test(tag))).toEqual(['h3', 'h4', 'h3']);
    expect(tags(md('> #### Quoted\n\n- ### In a list')).filter((tag) => /^h\d$/.test(tag))).toEqual(['h4', 'h3']);
  });

  it('follows the topHeading option', () => {
    expect(tags(md('# One\n\n## Two', 2)).filter((tag) => /^h\d$/.test(tag))).toEqual(['h2', 'h3']);
  });
});

describe('renderMarkdown: raw HTML is never interpreted', () => {
  it('turns <br> and block tags into line breaks, drops other tags and keeps their text', () => {
    const root = md('- **API**<br/>_Scala_<br>\n\n<div>one</div><div>two <b>bold</b> <font color=red>red</font></div>\n\n<p></p>');
    expect(tags(root)).toEqual(['div', 'ul', 'li', 'strong', 'br', 'em', 'br', 'p', 'br']);
    expect(textOf(root)).toContain('onetwo bold red');
  });

  it('keeps an <a href> with an allowed address as our own link, and only its text otherwise', () => {
    const root = md('Write to <a href="mailto:jobs@example.org" onclick="steal()">jobs@example.org</a> or <a href="javascript:alert(1)">click</a>.');
    expect(links(root)).toEqual([{ href: 'mailto:jobs@example.org', text: 'jobs@example.org' }]);
    expect(root.querySelector('a')?.getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
    expect(textOf(root)).toBe('Write to jobs@example.org or click.');
  });

  it('drops comments and the content of script-like and foreign elements', () => {
    const root = md('a <script>alert(1)</script> b <style>p{}</style> c <svg onload=alert(1)><text>svg</text></svg> d <!--more--> e\n\n<script>\nalert(2)\n</script>\n\n<!--StartFragment-->f<!--EndFragment-->');
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['a b c d e', 'f']);
    expect(findUnsafe(root, ['alert'])).toEqual([]);
    expect(textOf(root)).not.toContain('alert');
  });

  it('decodes character references in raw HTML text, as a browser would', () => {
    expect(textOf(md('<p>Caf&eacute; &amp; th&#233;</p>'))).toBe('Café & thé');
  });
});

describe('renderMarkdown: semantic elements', () => {
  it('renders lists, emphasis, code, quotes, rules, breaks and tables', () => {
    const root = md(
      [
        '*em* **strong** ~~del~~ `a<b &amp;` line  ',
        'break',
        '',
        '3. three',
        '4. four',
        '',
        '- [x] done',
        '',
        '> quoted',
        '',
        '---',
        '',
        '```',
        '<b>&amp;',
        '```',
        '',
        '| A | B |',
        '|:-:|---|',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(tags(root)).toEqual([
      'div', 'p', 'em', 'strong', 'del', 'code', 'br', 'ol', 'li', 'li', 'ul', 'li', 'blockquote', 'p', 'hr', 'pre', 'code',
      'div', 'table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td',
    ]);
    expect(root.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(root.querySelector('p code')?.textContent).toBe('a<b &amp;');
    expect(root.querySelector('pre code')?.textContent).toBe('<b>&amp;');
    expect(root.querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(root.querySelector('th')?.getAttribute('class')).toBe('md-align-center');
    expect(root.querySelector('ul li')?.textContent).toBe('☑ done');
  });

  it('decodes character references in text but not in code', () => {
    expect(textOf(md('Caf&eacute;&nbsp;&amp; &#x2014; `&eacute;`'))).toBe('Café\u00a0& — &eacute;');
  });
});

describe('renderMarkdown: hostile shapes', () => {
  it('never throws, stays fast, and bounds the depth of what it builds', () => {
    const inputs = [
      '>'.repeat(5000) + ' deep',
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n'),
      '*'.repeat(3000) + 'x' + '*'.repeat(3000),
      '['.repeat(20000),
      '<a href="https://example.org">'.repeat(3000),
      '<div>\n' + '<a href="javascript:x">'.repeat(3000),
      'a\u0000b\uFFFEc',
    ];
    for (const source of inputs) {
      const started = performance.now();
      const root = md(source);
      expect(performance.now() - started, source.slice(0, 20)).toBeLessThan(2000);
      const deepest = Math.max(0, ...Array.from(root.querySelectorAll('*')).map((element) => {
        let d = 0;
        for (let node: Element | null = element; node && node !== root; node = node.parentElement) d += 1;
        return d;
      }));
      expect(deepest, source.slice(0, 20)).toBeLessThanOrEqual(60);
      expect(findUnsafe(root, ['javascript:'])).toEqual([]);
    }
  });
});
