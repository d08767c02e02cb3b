/**
 * The job-site fixture pages (test/fixtures/job-sites/*.html), parsed with linkedom. Each page
 * names the URL it stands for (`<meta name="beta-radar-fixture-url">`) and marks each card
 * root with the expected verdict and fields (`data-fixture-*`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/job-sites/', import.meta.url));

export interface FixturePage {
  file: string;
  html: string;
  document: Document;
  url: string;
}

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.html')).sort();
}

export function loadFixture(file: string): FixturePage {
  const html = readFileSync(`${FIXTURES_DIR}${file}`, 'utf8');
  const { document } = parseHTML(html) as unknown as { document: Document };
  const url = document.querySelector('meta[name="beta-radar-fixture-url"]')?.getAttribute('content');
  if (!url) throw new Error(`${file}: no <meta name="beta-radar-fixture-url">`);
  return { file, html, document, url };
}

/** `data-fixture-organisation=""` means "no organisation"; an absent attribute means "not checked". */
export function expectedField(element: Element, name: string): string | null | undefined {
  if (!element.hasAttribute(`data-fixture-${name}`)) return undefined;
  const value = element.getAttribute(`data-fixture-${name}`) ?? '';
  return value === '' ? null : value;
}
