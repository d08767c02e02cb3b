// Runs axe-core (the accessibility rules engine) inside a page the e2e harness opened, and
// formats what it finds so a failing test says which rule broke, where, and how to fix it.
//
// The calls into the page are strings, not functions: tsx/esbuild adds `__name(...)` helpers to
// functions it compiles, which would be undefined once Playwright serialises them into the page.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.0/2.1 level A and AA, plus axe's best practices (headings, landmarks, region…), which
 * have been stable for years and match what the project promises: labels, landmarks, contrast.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeResults {
  violations: AxeViolation[];
  /** What axe could not decide alone (a colour over an image, overlapping boxes): worth a look, never a failure. */
  incomplete: AxeViolation[];
}

export interface AxeViolation {
  id: string;
  impact: AxeImpact | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/**
 * Injects axe-core once per document and runs it on the whole document. The extension's pages
 * forbid inline scripts (CSP `script-src 'self'`), so `page.addScriptTag` is refused; evaluating
 * the source through the DevTools protocol is not subject to the page's CSP.
 */
export async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const options = JSON.stringify({ runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations', 'incomplete'] });
  // Only the fields we print come back: axe's full results are large and hold DOM references.
  const results = await page.evaluate(`
    axe.run(document, ${options}).then((results) => {
      const brief = (list) =>
        list.map((v) => ({
          id: v.id,
          impact: v.impact || null,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary || '' })),
        }));
      return { violations: brief(results.violations), incomplete: brief(results.incomplete) };
    })
  `);
  return results as AxeResults;
}

/** Serious and critical violations fail the accessibility test; moderate and minor are only reported. */
export function isBlocking(violation: AxeViolation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

/** One readable block per violation: rule, impact, what it means, and every element it hit. */
export function formatViolations(where: string, violations: readonly AxeViolation[], what = 'violation'): string {
  if (violations.length === 0) return `${where}: no ${what}`;
  const blocks = violations.map((v) => {
    const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
    return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  });
  return `${where}: ${violations.length} ${what}(s)\n${blocks.join('\n')}`;
}
