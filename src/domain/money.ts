/**
 * Money: amounts are converted into the workspace currency when they enter the facts.
 * Rates are the workspace's own (settings), expressed as units of the workspace currency per unit
 * of the foreign currency. A currency without a rate is not converted, and the caller reports it.
 */
export type Rates = Readonly<Record<string, number>>;

export type Conversion = { ok: true; amount: number } | { ok: false; code: 'no_rate' };

export const convertAmount = (amount: number, from: string, to: string, rates: Rates): Conversion => {
  if (from === to) return { ok: true, amount };
  const rate = rates[from];
  return rate === undefined ? { ok: false, code: 'no_rate' } : { ok: true, amount: round2(amount * rate) };
};

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Indicative reference rates (EUR per unit, late 2026) used to seed a new workspace's settings.
 * They are a starting point the workspace edits, not live rates.
 */
const EUR_PER_UNIT: Rates = { EUR: 1, DKK: 0.134, SEK: 0.088, NOK: 0.086, GBP: 1.16, USD: 0.92, CHF: 1.05, PLN: 0.23 };

/** Reference rates re-based on `base`: units of `base` per unit of each currency. */
export const referenceRates = (base: string): Record<string, number> => {
  const basePerEur = EUR_PER_UNIT[base];
  if (basePerEur === undefined) return { [base]: 1 };
  const out: Record<string, number> = {};
  for (const [code, eur] of Object.entries(EUR_PER_UNIT)) out[code] = Math.round((eur / basePerEur) * 1e6) / 1e6;
  return out;
};
