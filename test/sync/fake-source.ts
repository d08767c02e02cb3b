import type { FeedEntry, FeedSource } from '../../src/feed/source';
import { FeedError } from '../../src/feed/http';

/** An in-memory feed whose files and failures a test controls. */
export class FakeSource implements FeedSource {
  readonly kind = 'static-index' as const;
  readonly id = 'fake:feed';
  readonly url = 'https://feed.example/index.json';
  files = new Map<string, string>();
  requests: string[] = [];
  failListing: FeedError | null = null;
  failFile = new Set<string>();

  set(fileName: string, text: string): this {
    this.files.set(fileName, text);
    return this;
  }

  async list(): Promise<FeedEntry[]> {
    this.requests.push('list');
    if (this.failListing) throw this.failListing;
    return [...this.files].map(([fileName, text]) => ({ fileName, version: versionOf(text), url: `${this.url}/${fileName}` }));
  }

  async fetchFile(entry: FeedEntry): Promise<string> {
    this.requests.push(entry.fileName);
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
