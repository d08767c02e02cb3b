/**
 * The one place that calls gray-matter. It finds the front matter (repairing the
 * delimiter slips met in the real history), lets gray-matter split it from the
 * body, and reads the YAML with the `yaml` package so that errors and duplicate
 * keys come with their line in the original file.
 */
import './buffer-polyfill';
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ParseErrorCode, ParseWarning } from './types';

export type SplitOutcome =
  | {
      ok: true;
      /** The front matter as plain data; not necessarily a map (the caller checks). */
      data: unknown;
      body: string;
      warnings: ParseWarning[];
    }
  | { ok: false; code: ParseErrorCode; message: string; line?: number };

const DELIMITER = /^---[ \t\r]*$/;
/** A delimiter with a slip: indented, or with more than three dashes. */
const LOOSE_DELIMITER = /^[ \t]*-{3,}[ \t\r]*$/;
/** A first line that reads as a front-matter key (`roles: …`), for files that lost their opening `---`. */
const KEY_LINE = /^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:/;

interface YamlCapture {
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
  thrown?: unknown;
}

/**
 * The YAML 1.2 core schema, without the timestamp type that the default engine
 * adds: days are read from the text as written (see dates.ts), and `yes`/`oui`
 * stay strings for the parser's own flag reading.
 */
function yamlEngineFor(capture: YamlCapture) {
  return {
    parse(source: string): object {
      const lineCounter = new LineCounter();
      const doc = parseDocument(source, {
        uniqueKeys: false,
        lineCounter,
        logLevel: 'silent',
      });
      capture.doc = doc;
      capture.lineCounter = lineCounter;
      if (doc.errors.length > 0) return {};
      try {
        return doc.toJS({ maxAliasCount: 50 }) as object;
      } catch (error) {
        capture.thrown = error;
        return {};
      }
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? '';
}

/**
 * Splits a posting file into front-matter data and Markdown body.
 * `fileName` only serves the messages. May throw only on a bug; parsePosting wraps it.
 */
export function splitFrontMatter(fileName: string, text: string): SplitOutcome {
  const lines = text.split('\n');
  const warnings: ParseWarning[] = [];
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) {
    return { ok: false, code: 'empty-file', message: `${fileName} is empty.` };
  }

  // `fed` is what gray-matter sees; file line = fed line + lineOffset.
  const fed = lines.slice(first);
  let lineOffset = first;
  let guessedOpening = false;
  const opening = fed[0] ?? '';

  const language = /^---[ \t]*([A-Za-z]+)[ \t\r]*$/.exec(opening)?.[1];
  if (DELIMITER.test(opening) || language?.toLowerCase() === 'yaml') {
    // the normal case
  } else if (language !== undefined) {
    return {
      ok: false,
      code: 'invalid-yaml',
      line: first + 1,
      message: `${fileName}: line ${first + 1} asks for "${language}" front matter; only YAML is read.`,
    };
  } else if (LOOSE_DELIMITER.test(opening)) {
    fed[0] = '---';
    warnings.push({
      code: 'front-matter-repaired',
      line: first + 1,
      message: `${fileName}: line ${first + 1} "${opening.trim()}" read as the opening "---" of the front matter.`,
    });
  } else if (KEY_LINE.test(opening) && fed.slice(1).some((line) => DELIMITER.test(line))) {
    fed.unshift('---');
    lineOffset -= 1;
    guessedOpening = true;
    warnings.push({
      code: 'front-matter-repaired',
      line: first + 1,
      message: `${fileName}: the opening "---" is missing; front matter read from line ${first + 1}.`,
    });
  } else {
    return {
      ok: false,
      code: 'no-front-matter',
      line: first + 1,
      message: `${fileName}: no front matter; line ${first + 1} should be "---".`,
    };
  }
  if (first > 0 && !guessedOpening) {
    warnings.push({
      code: 'front-matter-repaired',
      line: first + 1,
      message: `${fileName}: ${first} blank line(s) before the front matter ignored; it starts at line ${first + 1}.`,
    });
  }

  let closing = fed.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (closing === -1) {
    closing = fed.findIndex((line, index) => index > 0 && LOOSE_DELIMITER.test(line));
    if (closing === -1) {
      return {
        ok: false,
        code: 'unclosed-front-matter',
        line: first + 1,
        message: `${fileName}: the front matter opened at line ${first + 1} is never closed by a "---" line.`,
      };
    }
    warnings.push({
      code: 'front-matter-repaired',
      line: closing + lineOffset + 1,
      message: `${fileName}: line ${closing + lineOffset + 1} "${(fed[closing] ?? '').trim()}" read as the closing "---" of the front matter.`,
    });
    fed[closing] = '---';
  }

  const capture: YamlCapture = {};
  let parsed: { data: unknown; content: string };
  try {
    // Passing options also keeps gray-matter from caching (and sharing) the result object.
    parsed = matter(fed.join('\n'), { engines: { yaml: yamlEngineFor(capture) } });
  } catch (error) {
    // e.g. a `---js` opening: no such engine here, on purpose.
    return {
      ok: false,
      code: 'invalid-yaml',
      line: first + 1,
      message: `${fileName}: front matter not readable (${firstLine(error instanceof Error ? error.message : String(error))}).`,
    };
  }

  const { doc, lineCounter } = capture;
  if (doc && lineCounter) {
    const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + lineOffset;
    const [yamlError] = doc.errors;
    if (yamlError) {
      const line = toFileLine(yamlError.pos[0]);
      if (guessedOpening) {
        return { ok: false, code: 'no-front-matter', line: first + 1, message: `${fileName}: no front matter; line ${first + 1} should be "---".` };
      }
      return {
        ok: false,
        code: 'invalid-yaml',
        line,
        message: `${fileName}: invalid YAML at line ${line}: ${firstLine(yamlError.message).replace(/ at line \d+, column \d+:?$/, '')}.`,
      };
    }
    if (capture.thrown !== undefined) {
      return {
        ok: false,
        code: 'invalid-yaml',
        line: first + 1,
        message: `${fileName}: front matter not readable (${firstLine(String(capture.thrown))}).`,
      };
    }
    if (isMap(doc.contents)) {
      const seen = new Map<string, { line: number; value: string }>();
      for (const pair of doc.contents.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const line = toFileLine(pair.key.range[0]);
        const value = JSON.stringify(isScalar(pair.value) ? pair.value.value : (pair.value?.toJSON() ?? null));
        const earlier = seen.get(key);
        if (earlier) {
          const same = earlier.value === value;
          warnings.push({
            code: 'duplicate-key',
            line,
            message: `${fileName}: key "${key}" repeated at line ${line} (first at line ${earlier.line})${same ? ' with the same value' : '; the last value is kept, as Jekyll did'}.`,
          });
        }
        seen.set(key, { line: earlier?.line ?? line, value });
      }
    }
  }
  if (guessedOpening && (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data))) {
    return { ok: false, code: 'no-front-matter', line: first + 1, message: `${fileName}: no front matter; line ${first + 1} should be "---".` };
  }
  return { ok: true, data: parsed.data, body: parsed.content, warnings };
}
