import { describe, expect, it, vi } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';
import { pickLanguage, translate } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  it.each([
    ['nl', nl],
    ['fr', fr],
  ] as const)(
    'Given the %s catalogue, when compared with English, then it has the same keys and the same placeholders',
    (_language, catalogue) => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
        expect(catalogue[key].trim(), key).not.toBe('');
      }
    },
  );

  it('Given the Dutch catalogue, when read, then it addresses the reader as "je" throughout, never "u" or "uw"', () => {
    // Formal "u"/"uw" as whole words; "u" also never stands for "uur" in our texts.
    const formal = /(^|[^\p{L}\d'’-])(u|uw|uzelf)(?=$|[^\p{L}\d'’-])/iu;
    const offenders = Object.entries(nl)
      .filter(([, text]) => formal.test(text))
      .map(([key]) => key);
    expect(offenders).toEqual([]);
  });

  it('Given a message with a placeholder, when translated, then the value is filled in', () => {
    expect(translate('nl', 'restore.unknownWord', { n: 7 })).toBe(
      'Woord 7 staat niet in de woordenlijst.',
    );
    expect(translate('fr', 'restore.wrongLength', { count: 12 })).toBe(
      'Une phrase de récupération compte 24 mots ; 12 ont été saisis.',
    );
  });

  it.each([
    [['nl-BE', 'en'], null, 'nl'],
    [['de-DE', 'fr-BE'], null, 'fr'],
    [['de-DE'], null, 'en'],
    [[], null, 'en'],
    [['nl-NL'], 'fr', 'fr'],
    [['nl-NL'], 'xx', 'nl'],
  ])(
    'Given browser languages %j and stored choice %j, when picking, then it is %s',
    (preferred, stored, expected) => {
      expect(pickLanguage(preferred, stored)).toBe(expected);
    },
  );
});

describe('catalogues on demand', () => {
  /** index.ts and catalogues.ts as a page starts them: nothing loaded yet (the setup loaded all). */
  async function freshI18n() {
    vi.resetModules();
    return import('./index.ts');
  }

  it('Given a fresh page, when French is loaded, then French translates and Dutch is not fetched', async () => {
    const i18n = await freshI18n();
    expect(i18n.isCatalogueLoaded('fr')).toBe(false);
    expect(() => i18n.translate('fr', 'app.loading')).toThrow(/"fr" catalogue is not loaded/);
    await i18n.loadCatalogue('fr');
    expect(i18n.translate('fr', 'app.loading')).toBe(fr['app.loading']);
    expect(i18n.isCatalogueLoaded('nl')).toBe(false);
    expect(i18n.isCatalogueLoaded('en')).toBe(false);
  });

  it('Given a page in English, when switching to Dutch, then the page says nl only once the Dutch words are here', async () => {
    const i18n = await freshI18n();
    i18n.useLanguageStore.setState({ language: 'en' });
    await i18n.loadCatalogue('en');
    const switching = i18n.switchLanguage('nl');
    expect(i18n.useLanguageStore.getState().language).toBe('en');
    await switching;
    expect(i18n.useLanguageStore.getState().language).toBe('nl');
    expect(i18n.translate('nl', 'app.loading')).toBe(nl['app.loading']);
  });

  it('Given two switches in a row, when the first catalogue arrives last, then the later choice stands', async () => {
    const i18n = await freshI18n();
    await i18n.loadCatalogue('fr');
    const toNl = i18n.switchLanguage('nl');
    const toFr = i18n.switchLanguage('fr');
    await Promise.all([toNl, toFr]);
    expect(i18n.useLanguageStore.getState().language).toBe('fr');
  });
});
