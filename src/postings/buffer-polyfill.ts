/**
 * gray-matter calls `Buffer.from()` on every input. An MV3 service worker has no
 * `Buffer`, so this module provides the `buffer` package's implementation. It is
 * imported, on its own line, before gray-matter, so it has run before gray-matter
 * can be evaluated (ES modules evaluate their imports in order).
 */
import { Buffer as BufferPolyfill } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
if (typeof scope.Buffer === 'undefined') {
  scope.Buffer = BufferPolyfill;
}

export {};
