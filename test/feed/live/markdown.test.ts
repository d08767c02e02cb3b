import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, nodeToMarkdown } from '../../../src/feed/live/markdown';
import { parseHtmlFragment } from '../../../src/feed/live/html';
import { renderMarkdown } from '../../../src/ui/markdown';
import { findUnsafe, mount, textOf } from '../../helpers/dom';

/** The Markdown as the popup shows it. */
const shown = (markdown: string) => mount(renderMarkdown(markdown, { imageLabel: (alt) => alt }));

describe('htmlToMarkdown', () => {
  it('keeps paragraphs, line breaks, strong and em', () => {
    expect(htmlToMarkdown('<p>Une <strong>startup</strong> d’État <em>petite</em>.<br>Deuxième ligne</p><p>Suite</p>')).toBe(
      'Une **startup** d’État *petite*.  \nDeuxième ligne\n\nSuite',
    );
    expect(htmlToMarkdown('<p><b>gras</b> et <i>italique</i></p>')).toBe('**gras** et *italique*');
  });

  it('writes headings h1–h6 with their level', () => {
    expect(htmlToMarkdown('<h1>Un</h1><h3>Trois <b>gras</b></h3><h6>Six</h6>')).toBe('# Un\n\n### Trois **gras**\n\n###### Six');
  });

  it('writes lists, nested and ordered (with their start)', () => {
    expect(htmlToMarkdown('<ul><li>React</li><li>Node<ul><li>Express</li></ul></li></ul>')).toBe('- React\n- Node\n  - Express');
    expect(htmlToMarkdown('<ol start="3"><li>trois</li><li><p>quatre</p></li></ol>')).toBe('3. trois\n4. quatre');
  });

  it('keeps http(s) links only; other links give their text', () => {
    expect(htmlToMarkdown('<p><a href="https://beta.example/equipe">l’équipe</a></p>')).toBe('[l’équipe](https://beta.example/equipe)');
    expect(htmlToMarkdown('<p><a href="javascript:alert(1)">clic</a> <a href="mailto:a@b.example">écrire</a> <a href="data:text/html,x">d</a></p>')).toBe(
      'clic écrire d',
    );
    // Relative links only with a base.
    expect(htmlToMarkdown('<a href="/offres">offres</a>')).toBe('offres');
    expect(htmlToMarkdown('<a href="/offres">offres</a>', { baseUrl: 'https://site.example/a/' })).toBe('[offres](https://site.example/offres)');
    // Parentheses in an address cannot close the link early.
    expect(htmlToMarkdown('<a href="https://x.example/a_(b)">x</a>')).toBe('[x](https://x.example/a%5F%28b%29)');
  });

  it('drops scripts, styles and embedded objects; other elements give their text', () => {
    expect(htmlToMarkdown('<p>avant<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>après</p><span>texte</span><table><tr><td>a</td><td>b</td></tr></table>')).toBe(
      'avantaprès\n\ntexte\n\na b',
    );
  });

  it('escapes page text that Markdown would read as markup', () => {
    const markdown = htmlToMarkdown('<p>**pas gras** [lien](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt; # titre</p><p>- pas une liste</p><p>1. pas non plus</p>');
    expect(markdown).toBe('\\*\\*pas gras\\*\\* \\[lien\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\> \\# titre\n\n\\- pas une liste\n\n1\\. pas non plus');
    const root = shown(markdown);
    expect(findUnsafe(root, ['javascript', 'script'])).toEqual([]);
    expect(root.querySelector('a, strong, ul, ol')).toBeNull();
    expect(textOf(root)).toContain('**pas gras** [lien](javascript:alert(1)) <script>alert(1)</script> # titre');
  });

  it('reads block elements inside inline ones as blocks', () => {
    expect(htmlToMarkdown('<span><p>un</p><p>deux</p></span>')).toBe('un\n\ndeux');
    expect(htmlToMarkdown('texte nu<br><br>second')).toBe('texte nu\n\nsecond');
  });

  it('gives nothing for empty or blank markup, and caps long text between blocks', () => {
    expect(htmlToMarkdown('')).toBe('');
    expect(htmlToMarkdown('<p> </p><script>x</script>')).toBe('');
    const long = Array.from({ length: 100 }, (_, i) => `<p>paragraphe ${i} ${'mot '.repeat(20)}</p>`).join('');
    const capped = htmlToMarkdown(long, { maxLength: 1_000 });
    expect(capped.length).toBeLessThanOrEqual(1_003);
    expect(capped.endsWith('\n\n…')).toBe(true);
  });

  it('converts a DOM node the same way', () => {
    const root = parseHtmlFragment('<div><h2>Missions</h2><p>Faire <strong>simple</strong></p></div>');
    expect(nodeToMarkdown(root)).toBe('## Missions\n\nFaire **simple**');
  });

  it('renders in the popup as the structure it came from', () => {
    const root = shown(htmlToMarkdown('<p><strong>Description du poste</strong></p><ul><li>un</li><li>deux</li></ul><p><a href="https://beta.example/">lien</a></p>'));
    expect(root.querySelector('strong')?.textContent).toBe('Description du poste');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://beta.example/');
  });
});
