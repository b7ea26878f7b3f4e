/**
 * The sources named in shared/facts/benefits-nl.md. A URL is given where the facts name a site
 * (a page path when they name one, else the site); labels repeat the facts' wording.
 */
import type { Source } from '../rule-module.ts';

export const SOURCES = {
  westland2024: {
    label: 'gemeentewestland.nl normenoverzicht 2024; laborijn.nl',
    url: 'https://www.gemeentewestland.nl',
  },
  velsen2024: {
    label: 'velsen.nl/bijstandsnormen-per-1-juli-2024',
    url: 'https://www.velsen.nl/bijstandsnormen-per-1-juli-2024',
  },
  westland2025: {
    label: 'gemeentewestland.nl 2025; metronieuws.nl 2025-01 (citing Rijksoverheid)',
    url: 'https://www.gemeentewestland.nl',
  },
  hofVanTwente2025: {
    label: 'metronieuws.nl 2025-06; hofvantwente.nl/bijstandsnormen',
    url: 'https://www.hofvantwente.nl/bijstandsnormen',
  },
  westervoort2024: { label: 'westervoort.nl', url: 'https://www.westervoort.nl' },
  hofVanTwente: {
    label: 'hofvantwente.nl/bijstandsnormen',
    url: 'https://www.hofvantwente.nl/bijstandsnormen',
  },
  rijswijk2023: { label: 'rijswijk.nl', url: 'https://www.rijswijk.nl' },
  assets2024: { label: 'westervoort.nl, velsen.nl', url: 'https://www.westervoort.nl' },
  velsen2021: { label: 'velsen.nl 2021', url: 'https://www.velsen.nl' },
  velsenIoaw2024: {
    label: 'velsen.nl 2024; IOAW art. 8(5) text',
    url: 'https://www.velsen.nl/bijstandsnormen-per-1-juli-2024',
  },
  rijksoverheid: { label: 'rijksoverheid.nl', url: 'https://www.rijksoverheid.nl' },
  rechtopgeld: { label: 'rechtopgeld.nl', url: 'https://www.rechtopgeld.nl' },
  ias: { label: 'Instituut Asbestslachtoffers (IAS)', url: 'https://www.asbestslachtoffers.nl' },
  iasNews: { label: 'IAS news', url: 'https://www.asbestslachtoffers.nl' },
  tsbIsbg: {
    label: 'TSB scheme run by ISBG since 2023-01-01 ("a little over €22,000", undated)',
  },
  afa: {
    label: 'asbestinfo.vlaanderen; asbestfonds.be (amounts undated)',
    url: 'https://www.asbestfonds.be',
  },
} as const satisfies Record<string, Source>;

export const LEGAL_BASIS = {
  participatiewet: {
    label: 'Participatiewet, BWBR0015703',
    url: 'https://wetten.overheid.nl/BWBR0015703',
  },
  art11: {
    label: 'Participatiewet art. 11 (right to assistance), BWBR0015703',
    url: 'https://wetten.overheid.nl/BWBR0015703',
  },
  art19to22: {
    label: 'Participatiewet art. 19–22 (norms), BWBR0015703',
    url: 'https://wetten.overheid.nl/BWBR0015703',
  },
  art31: {
    label: 'Participatiewet art. 31 (what counts as income), BWBR0015703',
    url: 'https://wetten.overheid.nl/BWBR0015703',
  },
  art31n: {
    label: 'Participatiewet art. 31(2)(n) (income exemptions), BWBR0015703',
    url: 'https://wetten.overheid.nl/BWBR0015703',
  },
  art34: {
    label: 'Participatiewet art. 34 (assets), BWBR0015703',
    url: 'https://wetten.overheid.nl/BWBR0015703',
  },
  regelingTas: {
    label: 'Regeling TAS 2014, Stcrt. 2014, 8920; asbestslachtoffers.nl',
    url: 'https://zoek.officielebekendmakingen.nl/stcrt-2014-8920.html',
  },
  tsb: { label: 'TSB (ISBG), since 2023-01-01' },
  afa: { label: 'Asbestos Fund (AFA), Fedris; asbestfonds.be', url: 'https://www.asbestfonds.be' },
} as const satisfies Record<string, Source>;
