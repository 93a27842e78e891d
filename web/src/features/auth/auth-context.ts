/** Who is signed in, shared by every page; provided by AuthProvider. */
import { createContext } from 'react';
import type { Permission, Session } from '../../api/types.js';

export type AuthState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'signed_out' }
  | { status: 'signed_in'; session: Session };

export interface Auth {
  state: AuthState;
  /** After signing in or changing the password: the server's answer is the new session. */
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  retry(): void;
}

export const AuthContext = createContext<Auth | null>(null);

/** Whether the session may do this in the workspace (the server checks again; this only hides controls). */
export const sessionCan = (session: Session | null, slug: string | null, permission: Permission): boolean =>
  session?.workspaces.find((w) => w.slug === slug)?.permissions.includes(permission) ?? false;
