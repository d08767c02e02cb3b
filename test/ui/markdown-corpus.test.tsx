import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePosting, type Posting } from '../../src/postings';
import { renderMarkdown } from '../../src/ui/markdown';
import { OfferView } from '../../src/ui/popup/OfferView';
import { findUnsafe, mount, textOf } from '../helpers/dom';
import { installMessages } from '../helpers/i18n';
import { stored } from '../helpers/offers';
import { CORPUS_DIR } from '../helpers/shared';

// The real postings, read at run time from ../shared (never copied into the project).
const jobsDir = `${CORPUS_DIR}jobs/`;

function corpus(): Posting[] {
  // Every file, as the feed lists them (one has no `.md` ending).
  return readdirSync(jobsDir)
    .sort()
    .map((name) => {
      const result = parsePosting(name, readFileSync(`${jobsDir}${name}`, 'utf8'));
      if (!result.ok) throw new Error(result.error.message);
      return result.posting;
    });
}

describe('the real corpus through the Markdown renderer', () => {
  const postings = corpus();
  const imageLabel = (alt: string) => `image ${alt}`;

  beforeAll(() => {
    installMessages('fr');
  });

  it('renders every body without throwing, into safe elements only, with no raw HTML left as text', () => {
    expect(postings).toHaveLength(543);
    let links = 0;
    let withLinks = 0;
    const started = performance.now();
    for (const posting of postings) {
      const root = mount(renderMarkdown(posting.body, { imageLabel }));
      expect(findUnsafe(root, ['javascript']), posting.fileName).toEqual([]);
      // Raw HTML the postings use (<br>, <a>, <p>, <b>, <img>, comments) is interpreted by
      // the renderer's rules, never shown as markup.
      expect(textOf(root), posting.fileName).not.toMatch(/<\/?(?:br|a|p|b|img|div|span)\b|<!--/i);
      // Nothing fell back to the plain-text rendering.
      expect(root.querySelector('.md-plain'), posting.fileName).toBeNull();
      const count = root.querySelectorAll('a').length;
      links += count;
      if (count > 0) withLinks += 1;
    }
    const elapsed = performance.now() - started;
    console.log(`corpus: ${postings.length} bodies rendered in ${Math.round(elapsed)} ms; ${links} links in ${withLinks} postings`);
    // Bare URLs and e-mail autolinks are common in the corpus; a renderer that lost them would show far fewer.
    expect(withLinks).toBeGreaterThan(500);
  });

  it('renders every posting in the offer view', () => {
    for (const posting of postings) {
      const root = mount(
        <OfferView
          posting={stored(posting)}
          startup={null}
          open={posting.openFlag}
          favourite={false}
          seen={false}
          links={[{ sourceId: 'github:betagouv/beta.gouv.fr/master/content/_jobs', url: `https://github.com/betagouv/beta.gouv.fr/blob/master/content/_jobs/${encodeURIComponent(posting.fileName)}` }]}
          onBack={() => {}}
          onToggleFavourite={() => {}}
          onMarkSeen={() => {}}
        />,
      );
      expect(root.querySelector('h2')?.textContent, posting.fileName).toBe(posting.title);
      expect(findUnsafe(root), posting.fileName).toEqual([]);
    }
  });
});
