import { vi } from 'vitest';

export type FetchHandler = (url: string, init?: RequestInit) => Response;

/**
 * Replaces the global fetch with `handler` and records each call's URL and
 * headers. Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(handler: FetchHandler): { url: string; headers: Record<string, string> }[] {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, headers: { ...(init?.headers as Record<string, string> | undefined) } });
      return handler(url, init);
    }),
  );
  return calls;
}
