/** A fact's value as people read it: money in the workspace currency, counts as numbers, yes/no. */
import type { TFunction } from 'i18next';
import { formatMoney, formatNumber } from '../../i18n/format.js';

/** Spend facts are money in the workspace currency; the rest are counts. */
export const isMoneyFact = (name: string): boolean => name === 'spend' || name.startsWith('spend_');

export const formatFactValue = (name: string, value: number | boolean | null | undefined, currency: string, lang: string, t: TFunction): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (isMoneyFact(name)) return formatMoney(value, currency, lang);
  // An average sentiment reads as a signed score: "+0.42", "−0.7".
  if (name.startsWith('sentiment_avg_')) return formatNumber(value, lang, { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
  return formatNumber(value, lang);
};
