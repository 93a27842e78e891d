/** What to call a customer when they have given no name: their email, a phone, or their number. */
import type { TFunction } from 'i18next';

export const customerName = (c: { id: number; displayName: string | null; email: string | null; phone: string | null }, t: TFunction): string =>
  c.displayName ?? c.email ?? c.phone ?? t('common.unnamed', { id: c.id });
