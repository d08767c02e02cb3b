import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, openWithDisposition, popupPath, queryFromPopupSearch, queryFromSelection } from '../../src/omnibox/popup-links';

describe('popup addresses', () => {
  it('encodes an offer key or a query', () => {
    expect(popupPath({ kind: 'offer', key: 'github 2024-05-02-dev&x' })).toBe('/popup.html?offer=github%202024-05-02-dev%26x');
    expect(popupPath({ kind: 'query', query: 'dév & data #1' })).toBe('/popup.html?q=d%C3%A9v%20%26%20data%20%231');
    expect(popupPath({ kind: 'none' })).toBe('/popup.html');
  });

  it('reads back the query the popup was opened with', () => {
    const path = popupPath({ kind: 'query', query: 'dév & data #1' });
    expect(queryFromPopupSearch(path.slice(path.indexOf('?')))).toBe('dév & data #1');
    expect(queryFromPopupSearch('?offer=x&tab=3')).toBeNull();
    expect(queryFromPopupSearch('?q=%20%20')).toBeNull();
    expect(queryFromPopupSearch(`?q=${'x'.repeat(500)}`)).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('a selection as a query', () => {
  it('is trimmed and kept on one line', () => {
    expect(queryFromSelection('  Développeuse\n  back-end\t ')).toBe('Développeuse back-end');
  });

  it('is capped without splitting a character', () => {
    const long = `${'é'.repeat(MAX_QUERY_LENGTH - 1)}👩‍💻 and more`;
    const query = queryFromSelection(long)!;
    expect(Array.from(query)).toHaveLength(MAX_QUERY_LENGTH);
    expect(query.endsWith('\u{1F469}')).toBe(true);
    expect(popupPath({ kind: 'query', query })).not.toContain('%EF%BF%BD');
  });

  it('gives nothing for an empty or missing selection', () => {
    expect(queryFromSelection(' \n ')).toBeNull();
    expect(queryFromSelection(undefined)).toBeNull();
  });
});

describe('where the address bar opens it', () => {
  function fakeTabs() {
    const calls: string[] = [];
    return {
      calls,
      tabs: {
        create: async (p: { url: string; active: boolean }) => void calls.push(`create ${p.url} active=${p.active}`),
        update: async (p: { url: string }) => void calls.push(`update ${p.url}`),
      },
    };
  }

  it('honours each disposition', async () => {
    const { calls, tabs } = fakeTabs();
    await openWithDisposition(tabs, 'u1', 'currentTab');
    await openWithDisposition(tabs, 'u2', 'newForegroundTab');
    await openWithDisposition(tabs, 'u3', 'newBackgroundTab');
    await openWithDisposition(tabs, 'u4', 'somethingNew');
    expect(calls).toEqual(['update u1', 'create u2 active=true', 'create u3 active=false', 'create u4 active=true']);
  });
});
