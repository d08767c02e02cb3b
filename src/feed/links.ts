/**
 * Where a posting can be read on the web, from its feed's id. Pure string work
 * (no request): the popup links to it as "open the original".
 */
export function originalUrlOf(posting: { sourceId: string; fileName: string; pageUrl?: string | null }): string | null {
  if (posting.pageUrl) return posting.pageUrl;
  const github = /^github:([^/]+)\/([^/]+)\/([^/]+)\/(.*)$/.exec(posting.sourceId);
  if (github) {
    const [, owner, repo, ref, folder] = github;
    const path = [...folder!.split('/').filter(Boolean), posting.fileName].map(encodeURIComponent).join('/');
    return `https://github.com/${encodeURIComponent(owner!)}/${encodeURIComponent(repo!)}/blob/${encodeURIComponent(ref!)}/${path}`;
  }
  return null;
}
