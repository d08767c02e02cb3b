import { describe, expect, it } from 'vitest';
import { readOfferPage } from '../../../src/feed/live/offer-page';
import { cspReader } from '../../../src/feed/live/csp';
import { wttjReader } from '../../../src/feed/live/wttj';
import { parseHtmlPage } from '../../../src/feed/live/html';
import { jobPostingDetailsInJsonLd, jobPostingsInJsonLd } from '../../../src/sites/json-ld';
import { cspOfferPage, cspOfferUrl, sampleLiveOffers, wttjOfferPage, wttjOfferUrl } from '../../helpers/live-sites';
import { liveFixture } from './fixtures';

describe('readOfferPage: choisirleservicepublic.gouv.fr', () => {
  it('reads the non-strict JSON-LD first: capital-D Description (escaped HTML) as Markdown, dd/mm/yyyy dates', () => {
    const { html, url } = liveFixture('csp-offer-json-ld');
    const details = readOfferPage(cspReader, html, url);
    expect(details.signal).toBe('json-ld');
    expect(details.title).toBe('Développeur·se full-stack - Trackdéchets (H/F)');
    expect(details.datePosted).toBe('2026-11-02');
    expect(details.validThrough).toBe('2026-12-02');
    expect(details.reference).toBe('2026-9910001');
    expect(details.description).toBe(
      "Au sein de l'incubateur de la DINUM, la startup d'État **Trackdéchets** aide les entreprises à tracer leurs déchets dangereux.\n\n" +
        "### Vos missions\n\n- Développer de nouvelles fonctionnalités avec l'équipe\n- Mesurer l'impact auprès des usagers\n\n" +
        "Pour candidater : écrivez-nous ou voyez [l'équipe](https://beta.example/equipe).",
    );
    expect(details.emails).toEqual(['recrutement-trackdechets@beta.example']);
  });

  it('takes the employer and place from the hidden inputs (the JSON-LD names a category), the contract from the facts', () => {
    const { html, url } = liveFixture('csp-offer-json-ld');
    const details = readOfferPage(cspReader, html, url);
    expect(details.organisation).toBe('Direction interministérielle du numérique (DINUM)');
    expect(details.location).toBe('Paris (75)');
    expect(details.contract).toBe('Emploi ouvert aux titulaires et aux contractuels');
    expect(details.domaines).toEqual(['Numérique']);
    expect(details.fieldSignals).toMatchObject({ organisation: 'dom', location: 'dom', contract: 'dom', description: 'json-ld' });
  });

  it('reads a page without JSON-LD from its hidden inputs and DOM, leaving the recommended offers out', () => {
    const { html, url } = liveFixture('csp-offer-dom-only');
    const details = readOfferPage(cspReader, html, url);
    expect(details).toMatchObject({
      signal: 'dom',
      title: 'Chargé·e de déploiement - DossierFacile (H/F)',
      organisation: 'Direction interministérielle du numérique (DINUM)',
      location: 'Paris (75)',
      contract: 'CDD de 3 ans',
      datePosted: '2026-11-01',
      validThrough: '2026-11-30',
      reference: '2026-9910002',
      domaines: ['Numérique', 'Relation aux usagers'],
      emails: ['equipe@dossierfacile.example'],
    });
    expect(details.description).toBe(
      '## Vos missions en quelques mots\n\nDossierFacile aide les locataires à constituer un dossier de location **complet et vérifié**.\n\n' +
        '- Animer le réseau des partenaires\n- Former les agences immobilières\n\n## Profil recherché\n\nVous aimez convaincre. Contact : equipe@dossierfacile.example',
    );
    expect(details.description).not.toMatch(/recommandée|Infirmier/);
  });

  it('reads generated pages with and without JSON-LD to the same fields', () => {
    const [offer] = sampleLiveOffers(1, 'csp');
    const withJsonLd = readOfferPage(cspReader, cspOfferPage(offer!, { recommended: sampleLiveOffers(3, 'csp').slice(1) }), cspOfferUrl(offer!));
    const withoutJsonLd = readOfferPage(cspReader, cspOfferPage(offer!, { jsonLd: false }), cspOfferUrl(offer!));
    for (const details of [withJsonLd, withoutJsonLd]) {
      expect(details).toMatchObject({ title: offer!.title, organisation: offer!.organisation, datePosted: offer!.date, validThrough: offer!.validThrough, reference: offer!.id, contract: offer!.contract });
      expect(details.description).toContain("startup d'État");
      expect(details.emails).toEqual([offer!.email]);
    }
    expect(withJsonLd.signal).toBe('json-ld');
    expect(withoutJsonLd.signal).toBe('dom');
  });
});

describe('readOfferPage: Welcome to the Jungle', () => {
  it('reads the strict JSON-LD first, the contract from the initial data', () => {
    const { html, url } = liveFixture('wttj-offer-json-ld');
    const details = readOfferPage(wttjReader, html, url);
    expect(details).toMatchObject({
      signal: 'json-ld',
      title: 'Développeur·se full-stack – Trackdéchets',
      organisation: 'beta.gouv.fr',
      location: 'Paris',
      contract: 'Freelance',
      datePosted: '2026-11-03',
      // 23:00 UTC on 31 January is midnight in Paris: the 1st of February.
      validThrough: '2027-02-01',
      emails: ['contact-trackdechets@beta.example'],
    });
    expect(details.description).toMatch(/^\*\*Description du poste\*\*\n\nTrackdéchets, startup d’État/);
    expect(details.fieldSignals.contract).toBe('initial-data');
  });

  it('reads the initial data when there is no JSON-LD', () => {
    const { html, url } = liveFixture('wttj-offer-json-ld');
    const details = readOfferPage(wttjReader, html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, ''), url);
    expect(details.signal).toBe('initial-data');
    expect(details.description).toBe(
      'Trackdéchets trace les déchets dangereux, du producteur à l’installation de traitement (données embarquées).\n\n' +
        '## Profil recherché\n\n- Vous aimez TypeScript\n- Vous avez envie d’impact\n\n## Déroulement des entretiens\n\nDeux entretiens avec l’équipe.',
    );
    expect(details).toMatchObject({ title: 'Développeur·se full-stack – Trackdéchets', contract: 'Freelance', location: 'Paris', datePosted: '2026-11-03' });
  });

  it('reads the DOM when the page has neither, dropping javascript: links and buttons', () => {
    const { html, url } = liveFixture('wttj-offer-dom-only');
    const details = readOfferPage(wttjReader, html, url);
    expect(details).toMatchObject({ signal: 'dom', title: 'Product Manager – Mon Suivi Justice', organisation: 'beta.gouv.fr', location: 'Paris', contract: 'CDD / Temporaire', datePosted: '2026-10-20', validThrough: null });
    expect(details.description).toContain('ne manquer *aucun* rendez-vous');
    expect(details.description).toContain('Le site : cliquez, ou [la page de l');
    expect(details.description).not.toMatch(/javascript|Voir plus|Qui sont-ils/);
    expect(details.description).toContain('#### Profil recherché\n\n- Expérience de gestion de produit');
  });

  it('reads generated job pages', () => {
    const [offer] = sampleLiveOffers(1, 'wttj');
    const details = readOfferPage(wttjReader, wttjOfferPage(offer!), wttjOfferUrl(offer!));
    expect(details).toMatchObject({ signal: 'json-ld', title: offer!.title, datePosted: offer!.date, contract: 'Freelance', location: 'Paris' });
  });
});

describe('readOfferPage: odd and hostile pages', () => {
  it('never throws for odd markup: an empty page, broken JSON-LD, broken initial data', () => {
    const url = 'https://www.welcometothejungle.com/fr/companies/x/jobs/y_paris';
    const empty = readOfferPage(wttjReader, '', url);
    expect(empty).toMatchObject({ title: null, description: null, signal: null, domaines: [], emails: [] });
    const broken = readOfferPage(
      wttjReader,
      '<html><head><script type="application/ld+json">{"@type":"JobPosting",</script><script>window.__INITIAL_DATA__ = "{\\"queries\\":[{"</script></head><body><div data-testid="job-metadata-block"><h2>Titre</h2></div></body></html>',
      url,
    );
    expect(broken).toMatchObject({ title: 'Titre', signal: 'dom' });
    const wrongTypes = readOfferPage(
      cspReader,
      '<script type="application/ld+json">{"@type":"JobPosting","title":["x"],"Description":42,"datePosted":"hier","hiringOrganization":{"name":{"x":1}}}</script>',
      'https://choisirleservicepublic.gouv.fr/offre-emploi/x-reference-2026-1/',
    );
    expect(wrongTypes).toMatchObject({ title: null, description: null, datePosted: null });
  });

  it('keeps injected markup in the description as text, and drops javascript: links', () => {
    const html = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'JobPosting',
      title: 'Dev <img src=x onerror=alert(1)>',
      description: '<p>Bonjour<script>alert(1)</script> <a href="javascript:alert(2)">ici</a> <a href="https://ok.example/">là</a> &lt;b&gt;pas gras&lt;/b&gt; **x**</p>',
    }).replace(/</g, '\\u003c')}</script>`;
    const details = readOfferPage(wttjReader, html, 'https://www.welcometothejungle.com/fr/companies/x/jobs/y');
    expect(details.title).toBe('Dev');
    expect(details.description).toBe('Bonjour ici [là](https://ok.example/) \\<b\\>pas gras\\</b\\> \\*\\*x\\*\\*');
  });

  it('picks the page’s own posting when the JSON-LD has several', () => {
    const posting = (title: string, identifier: string) => ({ '@type': 'JobPosting', title, identifier, description: `<p>${title}</p>` });
    const html = `<script type="application/ld+json">${JSON.stringify({ '@graph': [posting('Autre offre', '2026-1111111'), posting('La bonne offre', '2026-2222222')] })}</script>`;
    const details = readOfferPage(cspReader, html, 'https://choisirleservicepublic.gouv.fr/offre-emploi/la-bonne-offre-reference-2026-2222222/');
    expect(details.title).toBe('La bonne offre');
  });
});

describe('jobPostingDetailsInJsonLd', () => {
  it('reads what the short reader reads, plus description, dates and employment types', () => {
    const { html } = liveFixture('wttj-offer-json-ld');
    const document = parseHtmlPage(html, 'https://www.welcometothejungle.com/');
    const [details] = jobPostingDetailsInJsonLd(document);
    expect(details).toMatchObject({ ...jobPostingsInJsonLd(document)[0], datePosted: '2026-11-03T09:12:00Z', validThrough: '2027-01-31T23:00:00Z', employmentTypes: ['CONTRACTOR'] });
    expect(details!.descriptionHtml).toMatch(/^<p><strong>Description du poste<\/strong><\/p>/);
  });

  it('un-escapes a description escaped whole, and only then', () => {
    const page = (description: string) => parseHtmlPage(`<script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 't', Description: description })}</script>`, 'x');
    expect(jobPostingDetailsInJsonLd(page('&lt;p&gt;a &amp;amp; b&lt;/p&gt;'))[0]!.descriptionHtml).toBe('<p>a &amp; b</p>');
    expect(jobPostingDetailsInJsonLd(page('<p>&lt;b&gt; reste du texte</p>'))[0]!.descriptionHtml).toBe('<p>&lt;b&gt; reste du texte</p>');
    expect(jobPostingDetailsInJsonLd(page('   '))[0]!.descriptionHtml).toBeNull();
  });
});
