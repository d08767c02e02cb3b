import { describe, expect, it } from 'vitest';
import { extractEmails, isOpenAt, parsePosting, postingIdFromFileName } from '../../src/postings';
import type { Posting } from '../../src/postings';
import { toDay } from '../../src/postings/dates';

// Synthetic postings written for these tests (no real posting text).
function ok(fileName: string, text: string): { posting: Posting; recovered: boolean } {
  const result = parsePosting(fileName, text);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result;
}
const fm = (lines: string, body = 'Corps de l’annonce.\n') => `---\n${lines}\n---\n${body}`;

describe('postingIdFromFileName', () => {
  it('drops a trailing .md only', () => {
    expect(postingIdFromFileName('2024-01-02-dev.md')).toBe('2024-01-02-dev');
    expect(postingIdFromFileName('2022-07-28-UX-sans-extension')).toBe('2022-07-28-UX-sans-extension');
    expect(postingIdFromFileName('2020-05-19-Chef·fe de produit.md')).toBe('2020-05-19-Chef·fe de produit');
    expect(postingIdFromFileName('a.md.md')).toBe('a.md');
  });
});

describe('parsePosting: fields', () => {
  it('reads a plain posting', () => {
    const { posting, recovered } = ok('2024-03-05-dev.md', fm('roles: Développeur·se\nopen: true\nstartup: mon-service\ndomaines:\n  - Développement\ntechno: TypeScript, Preact (Vite, Vitest)\ncontrat: CDD\njunior: true\nexternalURL: https://example.org/offre', 'Intro.\n<!--more-->\nSuite.\n'));
    expect(recovered).toBe(false);
    expect(posting).toMatchObject({
      id: '2024-03-05-dev', title: 'Développeur·se', openFlag: true, closedReason: null, startupRef: 'mon-service',
      date: '2024-03-05', dateSource: 'file-name', domaines: ['Développement'], techno: ['TypeScript', 'Preact (Vite, Vitest)'],
      contract: 'CDD', junior: true, externalUrl: 'https://example.org/offre', excerpt: 'Intro.', warnings: [],
    });
    expect(posting.body).toBe('Intro.\n<!--more-->\nSuite.\n');
  });

  it.each([
    ['roles: Dev A', 'Dev A'],
    ['role: Dev B', 'Dev B'],
    ['title: Dev C', 'Dev C'],
    ['titles: Dev D', 'Dev D'],
    ['roles:\n  - Dev E\n  - Dev F', 'Dev E, Dev F'],
    ['roles: "Chargé·e de\n  déploiement 🚀 "', 'Chargé·e de déploiement 🚀'],
    ["roles: \"L'équipe « X » cherche un·e dev\"   ", "L'équipe « X » cherche un·e dev"],
    ['roles: Dev G\ntitle: Mon service recrute', 'Dev G'],
    ['title: Mon service recrute\nroles: ""\nrole: Dev H', 'Dev H'],
  ])('title from %j', (lines, title) => {
    expect(ok('2024-01-01-x.md', fm(lines)).posting.title).toBe(title);
  });

  it.each([
    ['open: true', true, null],
    ['open: false', false, 'open-false'],
    ['open: "true"', true, null],
    ['open: "false"', false, 'open-false'],
    ['open: oui', true, null],
    ['open: Non', false, 'open-false'],
    ['open: "true#"', true, null],
    ['open: true\nposte_pourvu: true', false, 'filled'],
    ['open: true\nposte_pourvu: "oui"', false, 'filled'],
    ['open: true\nposte_ferme: true', false, 'closed-flag'],
    ['open: false\nposte_pourvu: true', false, 'filled'],
    ['status: open', true, null],
    ['status: closed', false, 'open-false'],
    ['open: false\nstatus: open', false, 'open-false'],
    ['junior: true', false, 'open-false'],
  ])('open flag from %j', (lines, openFlag, closedReason) => {
    const { posting } = ok('2024-01-01-x.md', fm(`roles: Dev\n${lines}`));
    expect({ openFlag: posting.openFlag, closedReason: posting.closedReason }).toEqual({ openFlag, closedReason });
  });

  it('warns on an open value it cannot read, and reads it as closed', () => {
    const { posting } = ok('2024-01-01-x.md', fm('roles: Dev\nopen: peut-être'));
    expect(posting.openFlag).toBe(false);
    expect(posting.warnings.map((w) => w.code)).toEqual(['unknown-open-value']);
    expect(ok('2024-01-01-x.md', fm('roles: Dev\nopen: "oui"')).posting.warnings.map((w) => w.code)).toEqual(['unknown-open-value']);
  });

  it.each([
    ['date: 2021-10-18', '2021-10-18'],
    ['date: "2021-10-18"', '2021-10-18'],
    ['date: 2021-12-13T09:20:41.622Z', '2021-12-13'],
    ['date: 2022-02-22T23:00:00.000Z', '2022-02-23'],
    ['date: 2022-07-31T22:30:00Z', '2022-08-01'],
    ['date: 2022-07-31T21:30:00Z', '2022-07-31'],
    ['date: 2021-05-04T9:00:52.517Z', '2021-05-04'],
    ['date: 2021-05-04T23:59:00', '2021-05-04'],
    ['date: 2021-05-04 10:00:00 +02:00', '2021-05-04'],
  ])('front-matter date %j', (line, day) => {
    const { posting } = ok('2000-01-01-x.md', fm(`roles: Dev\n${line}`));
    expect({ date: posting.date, source: posting.dateSource }).toEqual({ date: day, source: 'front-matter' });
  });

  it('falls back to the file-name prefix, then to no date', () => {
    expect(ok('2020-02-29-x.md', fm('roles: Dev')).posting).toMatchObject({ date: '2020-02-29', dateSource: 'file-name', warnings: [] });
    const bad = ok('2021-02-30-x.md', fm('roles: Dev\ndate: demain'));
    expect(bad.posting).toMatchObject({ date: null, dateSource: null });
    expect(bad.posting.warnings.map((w) => w.code)).toEqual(['bad-date', 'no-date']);
    expect(ok('trajpro_dev.md', fm('roles: Dev\ndate: 2023-01-05')).posting.dateSource).toBe('front-matter');
  });

  it.each([
    ['startup: carnet.de.bord', 'carnet.de.bord'],
    ['startup : carnet.de.bord', 'carnet.de.bord'],
    ['startup: mobilic   ', 'mobilic'],
    ['startup: "Delta V"', 'Delta V'],
    ['startup: locatio  # identifiant de la startup ; à créer si besoin', 'locatio'],
    ['startup: ""', null],
    ['startup:', null],
    ['startup: true', null],
  ])('startup reference from %j', (line, ref) => {
    expect(ok('2024-01-01-x.md', fm(`roles: Dev\n${line}`)).posting.startupRef).toBe(ref);
  });

  it('reads domaine/domaines, externalUrl spellings, and rejects non-http links', () => {
    expect(ok('2024-01-01-x.md', fm('roles: Dev\ndomaine: produit')).posting.domaines).toEqual(['Produit']);
    expect(ok('2024-01-01-x.md', fm('roles: Dev\ndomaine:\n  - "Développement\\r"\n  - design')).posting.domaines).toEqual(['Développement', 'Design']);
    expect(ok('2024-01-01-x.md', fm('roles: Dev\nexternalUrl: https://a.example/b')).posting.externalUrl).toBe('https://a.example/b');
    const js = ok('2024-01-01-x.md', fm('roles: Dev\nexternalURL: javascript:alert(1)'));
    expect(js.posting.externalUrl).toBeNull();
    expect(js.posting.warnings.map((w) => w.code)).toEqual(['bad-url']);
  });

  it('collects apply e-mails from contact(s) then body: lower-cased, de-duplicated, punctuation stripped', () => {
    const { posting } = ok('2024-01-01-x.md', fm('roles: Dev\ncontact: Écrire à Jean.Dupont@Example.gouv.fr.\ncontacts:\n  - mailto:rh@example.org\n  - prenom.nom', 'Candidatures : [écrire](mailto:jobs@example.org?subject=x), ou jean.dupont@example.gouv.fr ; prenom\\_nom@example.fr !\nImage logo@2x.png\n'));
    expect(posting.applyEmails).toEqual(['jean.dupont@example.gouv.fr', 'rh@example.org', 'jobs@example.org', 'prenom_nom@example.fr']);
  });

  it('excerpt is the text before <!--more-->, else the first paragraph without HTML comments', () => {
    expect(ok('2024-01-01-x.md', fm('roles: Dev', '<!-- note interne -->\n\nPremier paragraphe\nsur deux lignes.\n\nSecond.\n')).posting.excerpt).toBe('Premier paragraphe\nsur deux lignes.');
    expect(ok('2024-01-01-x.md', fm('roles: Dev', '')).posting.excerpt).toBe('');
  });

  it('keeps depublication_date and poste_ferme as days', () => {
    const { posting } = ok('2024-01-01-x.md', fm('roles: Dev\nopen: true\ndepublication_date: 2022-06-30T22:00:00.000Z\nposte_ferme: 2022-06-15'));
    expect(posting).toMatchObject({ depublicationDate: '2022-07-01', applicationDeadline: '2022-06-15', openFlag: true });
  });

  it('reads CRLF files and a BOM', () => {
    const { posting } = ok('2024-01-01-x.md', '\uFEFF---\r\nroles: Dev CRLF\r\nopen: true\r\n---\r\nCorps.\r\n');
    expect(posting).toMatchObject({ title: 'Dev CRLF', openFlag: true });
  });
});

describe('isOpenAt', () => {
  const base = { openFlag: true, depublicationDate: null, applicationDeadline: null };
  it('closes from the depublication day on (Paris time)', () => {
    const posting = { ...base, depublicationDate: '2022-07-01' };
    expect(isOpenAt(posting, new Date('2022-06-30T21:59:00Z'))).toBe(true);
    expect(isOpenAt(posting, new Date('2022-06-30T22:00:00Z'))).toBe(false);
    expect(isOpenAt(posting, new Date('2023-01-01T00:00:00Z'))).toBe(false);
  });
  it('closes the day after the application deadline', () => {
    const posting = { ...base, applicationDeadline: '2022-02-23' };
    expect(isOpenAt(posting, new Date('2022-02-23T22:59:00Z'))).toBe(true);
    expect(isOpenAt(posting, new Date('2022-02-23T23:00:00Z'))).toBe(false);
  });
  it('is never open when the flag is off, and survives an invalid date', () => {
    expect(isOpenAt({ ...base, openFlag: false }, new Date('2020-01-01'))).toBe(false);
    expect(isOpenAt(base, new Date('2020-01-01'))).toBe(true);
    expect(isOpenAt(base, new Date(Number.NaN))).toBe(true);
  });
});

describe('parsePosting: recoveries and errors', () => {
  it('recovers a duplicated key, keeping the last value, with both lines', () => {
    const same = parsePosting('2021-01-01-x.md', fm('roles: Dev\nopen: false\ncontrat: CDD\nopen: false'));
    expect(same).toMatchObject({ ok: true, recovered: true });
    if (!same.ok) return;
    expect(same.posting.warnings).toEqual([expect.objectContaining({ code: 'duplicate-key', line: 5, message: expect.stringMatching(/"open" repeated at line 5 \(first at line 3\) with the same value/) })]);
    const differ = ok('2021-01-01-x.md', fm('roles: Première\nstartup: a\nroles: Seconde'));
    expect(differ.recovered).toBe(true);
    expect(differ.posting.title).toBe('Seconde');
    expect(differ.posting.warnings[0]).toMatchObject({ code: 'duplicate-key', line: 4 });
  });

  it.each([
    ['blank lines before the front matter', '\n\n---\nroles: Dev\n---\nCorps\n', 3],
    ['a four-dash opening', '----\nroles: Dev\n---\nCorps\n', 1],
    ['a missing opening ---', 'roles: Dev\nopen: true\n\n---\nCorps\n', 1],
    ['an indented closing ---', '---\n roles: Dev\n open: true\n ---\n Corps\n', 4],
  ])('recovers %s', (_label, text, line) => {
    const result = parsePosting('2021-01-01-x.md', text);
    expect(result).toMatchObject({ ok: true, recovered: true });
    if (!result.ok) return;
    expect(result.posting.title).toBe('Dev');
    expect(result.posting.warnings).toEqual([expect.objectContaining({ code: 'front-matter-repaired', line })]);
  });

  it('keeps line numbers of later errors right after a repair', () => {
    const result = parsePosting('x.md', '\n---\nroles: Dev\nopen: [\n---\n');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-yaml', fileName: 'x.md' } });
    if (result.ok) return;
    expect(result.error.line).toBeGreaterThanOrEqual(4);
    expect(result.error.message).toContain(`line ${result.error.line}`);
  });

  it.each([
    ['', 'empty-file', undefined],
    ['   \n\n', 'empty-file', undefined],
    ['# Titre\n\nPas de front matter.\n', 'no-front-matter', 1],
    ['Nom.md\nNom\n\n---\nroles: Dev\n---\n', 'no-front-matter', 1],
    ['---\nroles: Dev\n', 'unclosed-front-matter', 1],
    ['---', 'unclosed-front-matter', 1],
    ['---\n---\n', 'no-title', undefined],
    ['---\nroles: Dev\nopen: [true\n---\n', 'invalid-yaml', 3],
    ['---\nroles: "Dev\n---\n', 'invalid-yaml', 2],
    ['---\n- a\n- b\n---\n', 'front-matter-not-a-map', 1],
    ['---\njust a string\n---\n', 'front-matter-not-a-map', 1],
    ['---\nopen: true\ntitle: ""\n---\n', 'no-title', undefined],
    ['---js\n{ roles: "Dev" }\n---\n', 'invalid-yaml', 1],
  ])('rejects %j as %s', (text, code, line) => {
    const result = parsePosting('2021-01-01-cas.md', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.fileName).toBe('2021-01-01-cas.md');
    expect(result.error.message).toContain('2021-01-01-cas.md');
    expect(result.error.line).toBe(line);
  });

  it('never runs front-matter code', () => {
    const result = parsePosting('x.md', '---javascript\n(globalThis.__ran = 1, { roles: "Dev" })\n---\n');
    expect(result.ok).toBe(false);
    expect((globalThis as Record<string, unknown>).__ran).toBeUndefined();
  });
});

describe('parsePosting never throws', () => {
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
  }
  const pieces = ['---', '\n', 'roles: ', 'open: ', 'true', '"', "'", ':', '- ', '  ', '#', '[', ']', '{', '}', '&a', '*a', '!!js/function', '<!--more-->', 'é', '🚀', '\r', '\t', '\u0000', '|', '>', '@', 'date: 2021-13-45', 'startup: ', '? ', '%YAML 1.2', '...'];

  it('on random byte strings and random YAML-ish soups', () => {
    const next = random(42);
    for (let round = 0; round < 600; round += 1) {
      const bytes = Array.from({ length: Math.floor(next() * 200) }, () => String.fromCharCode(Math.floor(next() * 0xffff)));
      const soup = Array.from({ length: Math.floor(next() * 60) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      for (const text of [bytes.join(''), soup, `---\n${soup}`, `---\n${soup}\n---\n${soup}`]) {
        const result = parsePosting(`f${round}.md`, text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message).toContain(`f${round}.md`);
      }
    }
  });

  it('on huge texts, alias bombs and non-string input', () => {
    const huge = `---\nroles: Dev\n---\n${'Ligne de texte avec jean@example.org.\n'.repeat(50_000)}`;
    const result = parsePosting('2024-01-01-huge.md', huge);
    expect(result.ok && result.posting.applyEmails).toEqual(['jean@example.org']);
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i += 1) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    bomb.push('roles: Dev', '---', '');
    expect(parsePosting('bomb.md', bomb.join('\n')).ok).toBe(false);
    for (const input of [undefined, null, 42, {}, ['---']]) {
      expect(parsePosting('odd.md', input as unknown as string).ok).toBe(false);
    }
    expect(parsePosting(undefined as unknown as string, '---\nroles: Dev\n---\n').ok).toBe(true);
  });
});

describe('helpers', () => {
  it('toDay rejects impossible days', () => {
    expect(toDay('2021-02-29')).toBeNull();
    expect(toDay('2020-02-29')).toBe('2020-02-29');
    expect(toDay('2021-13-01T10:00:00Z')).toBeNull();
    expect(toDay(new Date('2021-06-30T22:30:00Z'))).toBe('2021-07-01');
    expect(toDay(12)).toBeNull();
  });
  it('extractEmails ignores non-addresses', () => {
    expect(extractEmails('a@b, x@y.z1, logo@2x.png, .jean@ex.fr, MAILTO:Hé@ex.fr')).toEqual(['jean@ex.fr']);
  });
});
