import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { readFileSync } from 'node:fs';
import { substitute, t, uiLanguage, useLanguage } from '../../src/ui/i18n';
import { formatDay } from '../../src/ui/format';

const catalogue = (language: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${language}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;
const readCatalogue = async (path: string) => catalogue(/_locales\/(\w+)\//.exec(path)![1]!);

describe('a language chosen over the browser’s', () => {
  afterEach(() => useLanguage('browser'));

  it('substitutes $1…$9 and keeps $$ as a dollar', () => {
    expect(substitute('$1 open offers out of $2', ['3', '7'])).toBe('3 open offers out of 7');
    expect(substitute('costs $$5, $3 missing', ['a'])).toBe('costs $5,  missing');
  });

  it('speaks the chosen catalogue, with its substitutions', async () => {
    await useLanguage('en', readCatalogue);
    expect(uiLanguage()).toBe('en');
    expect(t('optionsTitle')).toBe(catalogue('en').optionsTitle!.message);
    expect(t('optionsNotifyMoreTitle', ['4'])).toBe(catalogue('en').optionsNotifyMoreTitle!.message.replace('$1', '4'));
    await useLanguage('fr', readCatalogue);
    expect(uiLanguage()).toBe('fr');
    expect(t('optionsTitle')).toBe(catalogue('fr').optionsTitle!.message);
    expect(t('optionsTitle')).not.toBe(catalogue('en').optionsTitle!.message);
  });

  it('writes dates in the chosen language', async () => {
    await useLanguage('fr', readCatalogue);
    expect(formatDay('2024-05-02')).toBe(new Date('2024-05-02T12:00:00Z').toLocaleDateString('fr-FR', { year: 'numeric', month: 'short', day: 'numeric' }));
    await useLanguage('en', readCatalogue);
    expect(formatDay('2024-05-02')).toMatch(/May/);
  });

  it('falls back to the browser’s language when the catalogue cannot be read', async () => {
    await useLanguage('en', readCatalogue);
    await useLanguage('fr', async () => {
      throw new Error('missing file');
    });
    // Not the English catalogue any more: the browser's own i18n answers.
    const getMessage = vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('from the browser');
    expect(t('optionsTitle')).toBe('from the browser');
    expect(getMessage).toHaveBeenCalledWith('optionsTitle', []);
    getMessage.mockRestore();
  });

  it('has the same keys in both catalogues', () => {
    expect(Object.keys(catalogue('en')).sort()).toEqual(Object.keys(catalogue('fr')).sort());
  });
});
