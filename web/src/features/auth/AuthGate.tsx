/**
 * Shows the app only to someone signed in: otherwise the sign-in page, or the page to choose a new
 * password after a one-time one. A set-password link (/reset/<token>) opens whoever is signed in.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../common/StatusMessage.js';
import { useLocation } from '../../routing/history.js';
import { matchResetToken } from '../../routing/routes.js';
import { AuthFrame } from './AuthFrame.js';
import { NewPasswordPage } from './NewPasswordPage.js';
import { ResetPasswordPage } from './ResetPasswordPage.js';
import { SignInPage } from './SignInPage.js';
import { useAuth } from './useAuth.js';

export const AuthGate = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const auth = useAuth();
  const resetToken = matchResetToken(pathname);
  if (resetToken !== null) return <ResetPasswordPage key={resetToken} token={resetToken} />;
  const { state } = auth;
  switch (state.status) {
    case 'loading': return <AuthFrame title={t('auth.signInTitle')}><Loading /></AuthFrame>;
    case 'error': return <AuthFrame title={t('auth.signInTitle')}><ErrorState error={state.error} onRetry={auth.retry} /></AuthFrame>;
    case 'signed_out': return <SignInPage email={search.get('email') ?? ''} />;
    case 'signed_in': {
      const person = state.session.person;
      if (person !== null && person.mustChangePassword) return <NewPasswordPage email={person.email} />;
      return <>{children}</>;
    }
  }
};
