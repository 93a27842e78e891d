/**
 * Numbers, money and times in the UI language, through Intl. Pure (the time is an argument), so
 * they are tested without a browser.
 */

export const formatNumber = (n: number, lang: string, opts: Intl.NumberFormatOptions = {}): string =>
  new Intl.NumberFormat(lang, opts).format(n);

/** Money in a currency; whole amounts drop the decimals ("€1,200", "€19.90"). */
export const formatMoney = (amount: number, currency: string, lang: string): string => {
  const whole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency', currency,
      minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    // An unknown currency code: the number, then the code.
    return `${formatNumber(amount, lang, { maximumFractionDigits: 2 })} ${currency}`;
  }
};

export const formatDateTime = (iso: string, lang: string): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatDate = (iso: string, lang: string): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 days ago", "i går", "tra 2 ore": the largest unit that fits, relative to `now` (epoch ms). */
export const formatRelative = (iso: string, now: number, lang: string): string => {
  const seconds = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') {
      const value = Math.round(seconds / size);
      return rtf.format(unit === 'second' && abs < 45 ? 0 : value, unit === 'second' && abs < 45 ? 'second' : unit);
    }
  }
  return rtf.format(0, 'second');
};

/** "1–50 of 3,012"'s numbers: the first and last row shown (1-based) and the total, formatted. */
export const pageRange = (offset: number, shown: number, total: number, lang: string) => ({
  from: formatNumber(shown === 0 ? 0 : offset + 1, lang),
  to: formatNumber(offset + shown, lang),
  total: formatNumber(total, lang),
});

export const formatPercent = (ratio: number, lang: string): string =>
  formatNumber(ratio, lang, { style: 'percent', maximumFractionDigits: 0 });
