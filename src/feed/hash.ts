/**
 * The SHA-256 of a text, as lower-case hex (WebCrypto: Node, workers, pages). The feed's
 * versions are built on it: a static index's file hashes, a jobs.json item's, a live
 * offer's card.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
