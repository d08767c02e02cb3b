import { describe, expect, it } from 'vitest';
import { adapterLooksBroken, isFromContentScript, isFromExtensionPage, readContentEnvelope, readPopupEnvelope } from '../src/messages';

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

describe('messages from content scripts are validated', () => {
  const fields = { title: 'Développeur', organisation: 'DINUM', location: null, jobId: '42', url: 'https://x.example/42', links: ['https://beta.gouv.fr/recrutement/x'] };

  it('accepts a batch of cards and an offer to open, with page text capped', () => {
    const long = { ...fields, title: 'x'.repeat(5_000) };
    const read = readContentEnvelope({ type: 'content/match-cards', payload: { cards: [{ ref: 'c1', fields }, { ref: 'c2', fields: long }] } });
    expect(read?.type).toBe('content/match-cards');
    const cards = (read?.payload as { cards: Array<{ fields: { title: string } }> }).cards;
    expect(cards[0]!.fields).toEqual(fields);
    expect(cards[1]!.fields.title).toHaveLength(500);
    expect(readContentEnvelope({ type: 'content/open-offer', payload: { key: 'k' } })).toEqual({ type: 'content/open-offer', payload: { key: 'k' } });
  });

  it('refuses malformed cards, oversized batches and unknown types', () => {
    expect(readContentEnvelope({ type: 'content/match-cards', payload: { cards: [{ ref: 'c', fields: { organisation: 'x' } }] } })).toBeNull();
    expect(readContentEnvelope({ type: 'content/match-cards', payload: { cards: Array.from({ length: 501 }, (_, i) => ({ ref: String(i), fields })) } })).toBeNull();
    expect(readContentEnvelope({ type: 'content/read-db', payload: {} })).toBeNull();
  });

  it('takes content messages from web tabs only', () => {
    expect(isFromContentScript({ id: 'me', tab: {}, url: 'https://www.linkedin.com/jobs/' }, 'me', 'chrome-extension://me/')).toBe(true);
    expect(isFromContentScript({ id: 'me' }, 'me', 'chrome-extension://me/')).toBe(false);
    expect(isFromContentScript({ id: 'me', tab: {}, url: 'chrome-extension://me/popup.html' }, 'me', 'chrome-extension://me/')).toBe(false);
  });
});

describe('the adapter self-check', () => {
  it('suspects an adapter that reads far fewer cards than the page links offers, or none where JobPosting data is', () => {
    expect(adapterLooksBroken({ cardsRead: 1, jobLinks: 6, jobPostingData: false })).toBe(true);
    expect(adapterLooksBroken({ cardsRead: 4, jobLinks: 6, jobPostingData: false })).toBe(false);
    expect(adapterLooksBroken({ cardsRead: 0, jobLinks: 2, jobPostingData: false })).toBe(false);
    expect(adapterLooksBroken({ cardsRead: 0, jobLinks: 0, jobPostingData: true })).toBe(true);
    expect(adapterLooksBroken({ cardsRead: 1, jobLinks: 0, jobPostingData: true })).toBe(false);
  });
});

describe('popup/job-posting-site', () => {
  it('takes a web origin and a switch, nothing else', () => {
    expect(readPopupEnvelope({ type: 'popup/job-posting-site', payload: { origin: 'https://jobs.example.fr', enabled: true } })).toEqual({
      type: 'popup/job-posting-site',
      payload: { origin: 'https://jobs.example.fr', enabled: true },
    });
    for (const payload of [
      { origin: 'https://jobs.example.fr/path', enabled: true }, // a URL, not an origin
      { origin: 'javascript:alert(1)', enabled: true },
      { origin: 'https://jobs.example.fr', enabled: 'yes' },
      { origin: ['https://jobs.example.fr'], enabled: false },
    ]) {
      expect(readPopupEnvelope({ type: 'popup/job-posting-site', payload }), JSON.stringify(payload)).toBeNull();
    }
  });
});
