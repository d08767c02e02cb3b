// The feed's history in ../shared (history/timeline.jsonl + history/blobs/), read at run time.

import { readFileSync } from 'node:fs';
import { CORPUS_DIR } from './shared.ts';

export const HISTORY_DIR = `${CORPUS_DIR}history/`;

/**
 * timeline.jsonl keeps git's C-quoted form for non-ASCII paths
 * (`"2020-05-19-Chef\\302\\267fe ….md"`): undo it to get the real file name.
 */
export function unquoteGitPath(raw: string): string {
  if (!(raw.startsWith('"') && raw.endsWith('"'))) return raw;
  const bytes: number[] = [];
  const inner = raw.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92 };
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i] ?? '';
    if (char === '\\' && /^[0-7]{3}$/.test(inner.slice(i + 1, i + 4))) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 3;
    } else if (char === '\\' && simple[inner[i + 1] ?? ''] !== undefined) {
      bytes.push(simple[inner[i + 1] ?? ''] ?? 0);
      i += 1;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface TimelineChange {
  op: 'A' | 'M' | 'D';
  /** The file name inside the feed folder, decoded (never git's quoted form). */
  path: string;
  /** Blob SHA (the name of its file in history/blobs/), null for a deletion. */
  blob: string | null;
}

export interface TimelineStep {
  commit: string;
  /** ISO 8601, as git recorded it. */
  date: string;
  changes: TimelineChange[];
}

/** Every step of the history, oldest first, with decoded paths. */
export function readTimeline(): TimelineStep[] {
  return readFileSync(`${HISTORY_DIR}timeline.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const step = JSON.parse(line) as TimelineStep;
      return { ...step, changes: step.changes.map((change) => ({ ...change, path: unquoteGitPath(change.path) })) };
    });
}

/** Reads blobs from history/blobs/, each once. */
export function blobReader(): (sha: string) => string {
  const cache = new Map<string, string>();
  return (sha) => {
    let text = cache.get(sha);
    if (text === undefined) {
      text = readFileSync(`${HISTORY_DIR}blobs/${sha}.md`, 'utf8');
      cache.set(sha, text);
    }
    return text;
  };
}
