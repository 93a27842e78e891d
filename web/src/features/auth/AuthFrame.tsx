/** The frame of the pages before the app: the brand, the language, one card in the middle. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../shell/LanguageSwitcher.js';

export const AuthFrame = ({ title, children }: { title: string; children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="topbar">
        <span className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="brand-name">Pulse</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
        <div className="topbar-tools"><LanguageSwitcher /></div>
      </header>
      <main id="main" className="auth-main" tabIndex={-1}>
        <section className="card auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{title}</h1>
          {children}
        </section>
      </main>
    </div>
  );
};
