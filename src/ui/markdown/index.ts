import type { JSX } from 'preact';
import { renderMarkdown, type MarkdownOptions } from './render';

export { renderMarkdown, type MarkdownOptions } from './render';
export { safeUrl, safeWebUrl } from './url';

/** A posting's Markdown body; see `render.ts` for what survives of it. */
export function Markdown({ source, ...options }: MarkdownOptions & { source: string }): JSX.Element {
  return renderMarkdown(source, options);
}
