import type { LayoutAdapter, SiteAdapter } from './types';

/** The layouts of `adapter` that apply to `url`: those without a path, and those whose path matches. */
export function layoutsForUrl(adapter: SiteAdapter, url: string): LayoutAdapter[] {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return [];
  }
  return adapter.layouts.filter((layout) => !layout.path || layout.path.test(pathname));
}
