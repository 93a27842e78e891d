/** Entry point: styles, translations, then the app for whoever is signed in. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { AuthGate } from './features/auth/AuthGate.js';
import { AuthProvider } from './features/auth/AuthProvider.js';
import { WorkspaceProvider } from './features/workspace/WorkspaceProvider.js';
import { setupI18n } from './i18n/i18n.js';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

void setupI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <AuthProvider>
        <AuthGate>
          <WorkspaceProvider>
            <App />
          </WorkspaceProvider>
        </AuthGate>
      </AuthProvider>
    </StrictMode>,
  );
});
