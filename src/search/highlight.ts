import { wordSpans } from './normalize';

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Cuts a display text into plain and matched segments: a word is matched when
 * one of its canonical terms is among the terms the query matched. The text is
 * only ever cut, never turned into markup: the caller renders segments as text.
 */
export function highlightSegments(text: string, matchedTerms: ReadonlySet<string>): Segment[] {
  if (matchedTerms.size === 0 || text === '') return [{ text, match: false }];
  const segments: Segment[] = [];
  let at = 0;
  for (const span of wordSpans(text)) {
    if (!span.terms.some((term) => matchedTerms.has(term))) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start), match: false });
    segments.push({ text: text.slice(span.start, span.end), match: true });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
