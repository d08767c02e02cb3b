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
export function highlightSegments(
  text: string,
  matchedTerms: ReadonlySet<string>,
  matchedPhrases: readonly (readonly string[])[] = [],
): Segment[] {
  if ((matchedTerms.size === 0 && matchedPhrases.length === 0) || text === '') return [{ text, match: false }];
  const spans = wordSpans(text);
  const marked = spans.map((span) => span.terms.some((term) => matchedTerms.has(term)));
  // A synonym phrase ("ingénieur logiciel") is marked only where its words follow each other.
  for (const phrase of matchedPhrases) {
    for (let i = 0; i + phrase.length <= spans.length; i += 1) {
      if (phrase.every((term, k) => spans[i + k]!.terms.includes(term))) for (let k = 0; k < phrase.length; k += 1) marked[i + k] = true;
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [i, span] of spans.entries()) {
    if (!marked[i]) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start), match: false });
    segments.push({ text: text.slice(span.start, span.end), match: true });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
