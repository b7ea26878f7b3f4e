/**
 * Asset limits (vermogensgrens), in euro cents, by calendar year (shared/facts/benefits-nl.md §1).
 * 2025 and later: not known — the asset test is then reported as not done.
 * "family" is the limit for a single parent or a couple; a single person or a cost-sharer has the
 * single limit.
 */
import type { DatedValue } from '../rule-module.ts';
import { SOURCES } from './sources.ts';

export const ASSET_LIMITS: Readonly<Record<'single' | 'family', readonly DatedValue[]>> = {
  single: [
    {
      valueCents: 760_500,
      validFrom: '2023-01-01',
      validUntil: '2023-12-31',
      source: SOURCES.rijswijk2023,
    },
    {
      valueCents: 757_500,
      validFrom: '2024-01-01',
      validUntil: '2024-12-31',
      source: SOURCES.assets2024,
    },
  ],
  family: [
    {
      valueCents: 1_521_000,
      validFrom: '2023-01-01',
      validUntil: '2023-12-31',
      source: SOURCES.rijswijk2023,
    },
    {
      valueCents: 1_515_000,
      validFrom: '2024-01-01',
      validUntil: '2024-12-31',
      source: SOURCES.assets2024,
    },
  ],
};
