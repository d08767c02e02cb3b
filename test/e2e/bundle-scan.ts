// Finds dynamic code evaluation in built bundles. An extension page or service worker may never
// turn a string into code (the MV3 CSP forbids it, stores reject it), and a parser library that
// ships such a path — gray-matter's javascript front-matter engine, js-yaml's !!js/function type —
// must not end up in the build at all.
//
// The patterns work on minified output. Each one refuses to match inside a longer identifier
// (`evaluate(`, `isFunction(`, `myeval(`) or a property of some other object (`parser.eval(`).

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface DynamicCodeRule {
  id: string;
  description: string;
  pattern: RegExp;
}

// Not an identifier character and not a member access: what may stand right before a bare name.
const BARE = String.raw`(?<![\w$.])`;
// globalThis.eval / window.Function / self.setTimeout etc. are the same functions.
const GLOBAL_PREFIX = String.raw`(?:(?<![\w$.])(?:globalThis|window|self|global)\s*\.\s*|${BARE})`;

export const DYNAMIC_CODE_RULES: readonly DynamicCodeRule[] = [
  {
    id: 'eval',
    description: 'eval(...) call, direct or through the global object',
    pattern: new RegExp(String.raw`${GLOBAL_PREFIX}eval\s*\(`, 'g'),
  },
  {
    id: 'indirect-eval',
    description: '(0, eval)(...) indirect eval',
    pattern: /\(\s*0\s*,\s*(?:(?:globalThis|window|self|global)\s*\.\s*)?eval\s*\)\s*\(/g,
  },
  {
    id: 'new-Function',
    description: 'new Function(...) constructor',
    pattern: new RegExp(String.raw`${BARE}new\s+${GLOBAL_PREFIX}Function\s*\(`, 'g'),
  },
  {
    id: 'Function-call',
    description: 'Function(...) called without new (same as the constructor)',
    pattern: new RegExp(String.raw`(?<!\bnew\s+)(?<!\bnew\s+(?:globalThis|window|self|global)\s*\.\s*)${GLOBAL_PREFIX}Function\s*\(`, 'g'),
  },
  {
    id: 'constructor-string',
    description: '.constructor("...") with a string: reaching Function through a function value',
    pattern: /\.\s*constructor\s*\(\s*["'`]/g,
  },
  {
    id: 'timer-string',
    description: 'setTimeout / setInterval with a string of code',
    pattern: /(?<![\w$])set(?:Timeout|Interval)\s*\(\s*["'`]/g,
  },
];

export interface DynamicCodeFinding {
  /** Path relative to the scanned folder. */
  file: string;
  rule: string;
  /** 1-based line and column (minified bundles are often one long line). */
  line: number;
  column: number;
  snippet: string;
}

/**
 * Reviewed exceptions, if one day a match turns out to be unreachable or a false positive:
 * { file: /chunks\/some-lib/, snippet: /exact text/, reason: 'why it is safe' }. Empty on purpose.
 */
export const ALLOWED_FINDINGS: ReadonlyArray<{ file: RegExp; snippet: RegExp; reason: string }> = [];

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** Findings in one piece of JavaScript source. */
export function findDynamicCode(source: string, file = '<source>'): DynamicCodeFinding[] {
  const findings: DynamicCodeFinding[] = [];
  for (const rule of DYNAMIC_CODE_RULES) {
    for (const match of source.matchAll(rule.pattern)) {
      const index = match.index;
      const snippet = source.slice(Math.max(0, index - 60), index + match[0].length + 60).replace(/\s+/g, ' ');
      if (ALLOWED_FINDINGS.some((allowed) => allowed.file.test(file) && allowed.snippet.test(snippet))) continue;
      findings.push({ file, rule: rule.id, ...position(source, index), snippet });
    }
  }
  return findings;
}

async function listScripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(?:js|mjs|cjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Scans every script of a built extension folder. */
export async function scanBuildForDynamicCode(dir: string): Promise<{ files: string[]; findings: DynamicCodeFinding[] }> {
  const files = (await listScripts(dir)).map((path) => relative(dir, path));
  const findings: DynamicCodeFinding[] = [];
  for (const file of files) {
    findings.push(...findDynamicCode(await readFile(join(dir, file), 'utf8'), file));
  }
  return { files, findings };
}

export function formatFindings(findings: readonly DynamicCodeFinding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} [${f.rule}] …${f.snippet}…`).join('\n');
}
