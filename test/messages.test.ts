import { describe, expect, it } from 'vitest';
import { isFromExtensionPage, readPopupEnvelope } from '../src/messages';

describe('messages from the popup are validated', () => {
  it('accepts the known messages with well-formed payloads', () => {
    expect(readPopupEnvelope({ type: 'popup/opened', payload: {} })).toEqual({ type: 'popup/opened', payload: {} });
    expect(readPopupEnvelope({ type: 'popup/mark-seen', payload: { keys: ['a b'] } })).toEqual({ type: 'popup/mark-seen', payload: { keys: ['a b'] } });
    expect(readPopupEnvelope({ type: 'popup/set-favourite', payload: { key: 'k', favourite: true } })).toEqual({
      type: 'popup/set-favourite',
      payload: { key: 'k', favourite: true },
    });
  });

  it('refuses unknown types and malformed payloads', () => {
    expect(readPopupEnvelope(null)).toBeNull();
    expect(readPopupEnvelope({ type: 'popup/erase-all', payload: {} })).toBeNull();
    expect(readPopupEnvelope({ type: 'popup/mark-seen', payload: { keys: [1] } })).toBeNull();
    expect(readPopupEnvelope({ type: 'popup/set-favourite', payload: { key: 'k', favourite: 'yes' } })).toBeNull();
    expect(readPopupEnvelope({ type: 'popup/set-favourite', payload: { key: 'k'.repeat(3000), favourite: true } })).toBeNull();
  });

  it('takes popup messages from extension pages only', () => {
    expect(isFromExtensionPage({ id: 'me' }, 'me', 'chrome-extension://me/')).toBe(true);
    expect(isFromExtensionPage({ id: 'me', tab: {}, url: 'chrome-extension://me/popup.html' }, 'me', 'chrome-extension://me/')).toBe(true);
    expect(isFromExtensionPage({ id: 'me', tab: {}, url: 'https://www.linkedin.com/jobs/' }, 'me', 'chrome-extension://me/')).toBe(false);
    expect(isFromExtensionPage({ id: 'other' }, 'me', 'chrome-extension://me/')).toBe(false);
  });
});
