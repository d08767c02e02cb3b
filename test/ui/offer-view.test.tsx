import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Startup } from '../../src/postings';
import { formatDay } from '../../src/ui/format';
import { OfferView, type OfferViewProps } from '../../src/ui/popup/OfferView';
import { findUnsafe, mount } from '../helpers/dom';
import { installMessages, readMessages } from '../helpers/i18n';
import { storedFromFile } from '../helpers/offers';

// A posting written for these tests (never copied from the real corpus).
const FILE = `---
roles: Développeuse ou développeur full-stack
startup: radar-des-aides
date: 2024-05-02
depublication_date: 2024-07-01
poste_ferme: 2024-06-15
open: true
junior: true
contrat: CDD 12 mois
domaines:
  - Développement
  - Produit
techno:
  - TypeScript
  - PostgreSQL
contact: equipe@radar.example, rh@radar.example
externalURL: https://candidature.example/offres/42
---
## La mission

Construire **le service** avec [l'équipe](https://radar.example/equipe).
`;

const STARTUP: Startup = {
  id: 'radar-des-aides',
  name: 'Radar des aides',
  pitch: 'Trouver les aides en trois questions.',
  link: 'https://radar.example/',
  contact: null,
  phases: [],
  thematiques: [],
  technos: [],
  incubatorId: 'incubateur-exemple',
};

function props(overrides: Partial<OfferViewProps> = {}): OfferViewProps {
  return {
    posting: storedFromFile('2024-05-02-dev-full-stack.md', FILE),
    startup: STARTUP,
    open: true,
    favourite: false,
    seen: false,
    links: [{ sourceId: 'static:https://feed.example/jobs', url: 'https://feed.example/jobs/2024-05-02-dev-full-stack' }],
    onBack: vi.fn(),
    onToggleFavourite: vi.fn(),
    onMarkSeen: vi.fn(),
    ...overrides,
  };
}

const view = (overrides: Partial<OfferViewProps> = {}) => mount(<OfferView {...props(overrides)} />);
const action = (root: HTMLElement, name: string) => Array.from(root.querySelectorAll(`[data-action="${name}"]`));
const facts = (root: HTMLElement) =>
  Object.fromEntries(Array.from(root.querySelectorAll('.offer__fact')).map((fact) => [fact.querySelector('dt')?.textContent, fact.querySelector('dd')?.textContent]));

function click(element: Element): void {
  const { Event } = parseHTML('');
  element.dispatchEvent(new Event('click', { bubbles: true }));
}

describe('OfferView', () => {
  beforeEach(() => {
    installMessages('en');
  });

  it('is an article labelled by its h2, the role, with the test hook of the posting id', () => {
    const root = view();
    const article = root.querySelector('article');
    expect(article?.getAttribute('data-offer-view')).toBe('2024-05-02-dev-full-stack');
    const title = root.querySelector('h2');
    expect(title?.textContent).toBe('Développeuse ou développeur full-stack');
    expect(title?.id).not.toBe('');
    expect(article?.getAttribute('aria-labelledby')).toBe(title?.id);
    // The body's own headings rank below the view's title, without skipping a level: its
    // shallowest heading (`##` here) becomes the h3.
    expect(root.querySelector('.offer__body h3')?.textContent).toBe('La mission');
    expect(root.querySelectorAll('.offer__body h4')).toHaveLength(0);
    expect(root.querySelectorAll('h1, .offer__body h2')).toHaveLength(0);
  });

  it('keeps ids unique when two views are on one page', () => {
    const root = mount(
      <div>
        <OfferView {...props()} />
        <OfferView {...props()} />
      </div>,
    );
    const ids = Array.from(root.querySelectorAll('[id]')).map((element) => element.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const article of Array.from(root.querySelectorAll('article'))) {
      expect(article.querySelector(`#${article.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    }
  });

  it('shows the startup, dates, contract, domaines, techno and the junior flag', () => {
    const root = view();
    expect(facts(root)).toEqual({
      Startup: 'Radar des aides · incubator incubateur-exempleTrouver les aides en trois questions.',
      Published: formatDay('2024-05-02'),
      'Apply by': formatDay('2024-06-15'),
      'End of publication': formatDay('2024-07-01'),
      Contract: 'CDD 12 mois',
      Fields: 'DéveloppementProduit',
      Technologies: 'TypeScriptPostgreSQL',
    });
    expect(root.querySelector('.offer__startup-name a')?.getAttribute('href')).toBe('https://radar.example/');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2024-05-02');
    expect(root.querySelector('.offer__status')?.textContent).toBe('Open offer');
    expect(root.querySelector('.offer__junior')?.textContent).toBe('Junior profiles welcome');
  });

  it('without a resolved startup, shows the reference as written', () => {
    const root = view({ startup: null });
    expect(facts(root).Startup).toBe('radar-des-aides');
    expect(root.querySelector('.offer__startup-name')).toBeNull();
  });

  it('links to applying by e-mail (one per address), on the external site, and to the original', () => {
    const root = view();
    expect(action(root, 'apply').map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['mailto:equipe@radar.example', 'Apply by e-mail: equipe@radar.example'],
      ['mailto:rh@radar.example', 'Apply by e-mail: rh@radar.example'],
      ['https://candidature.example/offres/42', 'Apply on candidature.example'],
    ]);
    expect(action(root, 'original').map((a) => a.getAttribute('href'))).toEqual(['https://feed.example/jobs/2024-05-02-dev-full-stack']);
    expect(findUnsafe(root)).toEqual([]);
  });

  it('hides the original link when there is none, and the apply links when the offer is closed', () => {
    const root = view({ links: [], open: false });
    expect(action(root, 'original')).toHaveLength(0);
    expect(action(root, 'apply')).toHaveLength(0);
    expect(root.querySelector('.offer__status')?.textContent).toBe('Closed offer');
  });

  it('lists where to read an offer published on several sites, named by the source’s kind or else the host', () => {
    const root = view({
      links: [
        { sourceId: 'github:exemple/offres/main/jobs', url: 'https://github.com/exemple/offres/blob/main/jobs/dev.md' },
        { sourceId: 'wttj:communaute-exemple', url: 'https://www.welcometothejungle.com/fr/companies/communaute-exemple/jobs/dev' },
        { sourceId: 'csp:organisme/1234', url: 'https://choisirleservicepublic.gouv.fr/offre-emploi/dev/' },
        { sourceId: 'static:https://feed.example/jobs', url: 'https://feed.example/jobs/dev' },
        { sourceId: 'wttj:other', url: 'javascript:alert(1)' },
      ],
    });
    const line = root.querySelector('[data-offer-links]');
    expect(line?.textContent).toBe('Read on: GitHub · Welcome to the Jungle · Choisir le service public · feed.example');
    const links = action(root, 'original');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/exemple/offres/blob/main/jobs/dev.md',
      'https://www.welcometothejungle.com/fr/companies/communaute-exemple/jobs/dev',
      'https://choisirleservicepublic.gouv.fr/offre-emploi/dev/',
      'https://feed.example/jobs/dev',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(findUnsafe(root)).toEqual([]);
    installMessages('fr');
    expect(view({ links: [{ sourceId: 'csp:organisme/1234', url: 'https://choisirleservicepublic.gouv.fr/offre/1/' }] }).querySelector('[data-offer-links]')?.textContent).toBe(
      'Lire sur\u00a0: Choisir le service public',
    );
  });

  it('shows no line of links when none is safe to follow', () => {
    expect(view({ links: [{ sourceId: 'wttj:x', url: 'data:text/html,x' }] }).querySelector('[data-offer-links]')).toBeNull();
  });

  it('has named buttons for back, favourite (a toggle) and seen, wired to the callbacks', () => {
    const p = props();
    const root = mount(<OfferView {...p} />);
    const [back] = action(root, 'back');
    const [favourite] = action(root, 'favourite');
    const [seen] = action(root, 'seen');
    expect(back?.textContent).toContain('Back to the list');
    expect(favourite?.textContent).toContain('Favourite');
    expect(favourite?.getAttribute('aria-pressed')).toBe('false');
    expect(seen?.textContent).toBe('Mark as seen');
    for (const button of Array.from(root.querySelectorAll('button'))) expect(button.getAttribute('type')).toBe('button');
    click(back as Element);
    click(favourite as Element);
    click(seen as Element);
    expect(p.onBack).toHaveBeenCalledTimes(1);
    expect(p.onToggleFavourite).toHaveBeenCalledTimes(1);
    expect(p.onMarkSeen).toHaveBeenCalledTimes(1);
  });

  it('reflects favourite and seen', () => {
    const root = view({ favourite: true, seen: true });
    expect(action(root, 'favourite')[0]?.getAttribute('aria-pressed')).toBe('true');
    expect(action(root, 'seen')[0]?.hasAttribute('disabled')).toBe(true);
    expect(action(root, 'seen')[0]?.textContent).toBe('Seen');
  });

  it('speaks French by default', () => {
    installMessages('fr');
    const root = view();
    expect(action(root, 'back')[0]?.textContent).toContain('Retour à la liste');
    expect(action(root, 'apply')[0]?.textContent).toBe('Postuler par e-mail\u00a0: equipe@radar.example');
  });

  it('says so when a posting has no body', () => {
    const root = view({ posting: storedFromFile('2024-05-02-vide.md', '---\nroles: Rôle\n---\n') });
    expect(root.querySelector('.offer__empty')?.textContent).toBe('This offer has no description.');
    expect(root.querySelector('.offer__body')).toBeNull();
  });
});

describe('offer messages', () => {
  it('exist in French and English, with the same placeholders', () => {
    const fr = readMessages('fr');
    const en = readMessages('en');
    const offerKeys = (messages: Record<string, unknown>) => Object.keys(messages).filter((key) => key.startsWith('offer')).sort();
    expect(offerKeys(fr)).toEqual(offerKeys(en));
    expect(offerKeys(fr).length).toBeGreaterThan(10);
    for (const key of offerKeys(fr)) {
      const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort();
      expect(fr[key]?.message.trim(), key).not.toBe('');
      expect(placeholders(fr[key]?.message ?? ''), key).toEqual(placeholders(en[key]?.message ?? ''));
    }
  });
});
