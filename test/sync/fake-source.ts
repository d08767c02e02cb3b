import type { FeedEntry, FeedSource, ListOptions, ListResult } from '../../src/feed/source';
import { FeedError } from '../../src/feed/http';

/** An in-memory feed whose files and failures a test controls; it answers conditional listings like GitHub. */
export class FakeSource implements FeedSource {
  readonly kind = 'static-index' as const;
  readonly url = 'https://feed.example/index.json';
  files = new Map<string, string>();
  requests: string[] = [];
  failListing: FeedError | null = null;
  failFile = new Set<string>();
  /** Called before each file is served (e.g. to abort a run half-way). */
  beforeFile: (fileName: string) => void = () => {};

  constructor(readonly id = 'fake:feed') {}

  set(fileName: string, text: string): this {
    this.files.set(fileName, text);
    return this;
  }

  private etag(): string {
    return `"${versionOf([...this.files].map(([name, text]) => `${name}\n${text}`).join('\0'))}"`;
  }

  async list(options: ListOptions = {}): Promise<ListResult> {
    this.requests.push('list');
    if (this.failListing) throw this.failListing;
    const etag = this.etag();
    if (options.etag === etag) return { notModified: true };
    const entries = [...this.files].map(([fileName, text]) => ({ fileName, version: versionOf(text), url: `${this.url}/${fileName}` }));
    return { notModified: false, entries, etag };
  }

  async fetchFile(entry: FeedEntry, signal?: AbortSignal): Promise<string> {
    this.requests.push(entry.fileName);
    this.beforeFile(entry.fileName);
    signal?.throwIfAborted();
    if (this.failFile.has(entry.fileName)) throw new FeedError('http', `${entry.url} answered HTTP 500.`, entry.url, 500);
    const text = this.files.get(entry.fileName);
    if (text === undefined) throw new FeedError('http', `${entry.url} answered HTTP 404.`, entry.url, 404);
    return text;
  }
}

function versionOf(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return `${text.length}-${hash >>> 0}`;
}

export function posting(role: string, extra = ''): string {
  return `---\nroles: ${role}\nopen: true\nstartup: demo\n${extra}---\nCorps de l'offre pour ${role}.\n`;
}

export function closedPosting(role: string): string {
  return posting(role).replace('open: true', 'open: false');
}
