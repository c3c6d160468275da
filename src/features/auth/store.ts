import { create } from 'zustand';
import { sendJson, setCsrfToken } from '../../api/http';

export interface SessionUser {
  id: number;
  username: string;
  role: 'viewer' | 'editor' | 'admin';
  provinceCode: string | null;
  communeCodes: string[];
  clusterIds: number[];
  mustChangePassword: boolean;
}

interface SessionAnswer {
  user: SessionUser | null;
  csrfToken: string | null;
}

interface SessionState {
  user: SessionUser | null;
  loaded: boolean;
  load: () => Promise<void>;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const apply = (set: (s: Partial<SessionState>) => void) => (a: SessionAnswer) => {
  setCsrfToken(a.csrfToken);
  set({ user: a.user, loaded: true });
};

/** The signed-in user. The UI hides what a user may not do; the server is the guard. */
export const useSession = create<SessionState>((set) => ({
  user: null,
  loaded: false,
  load: async () => {
    const res = await fetch('/api/auth/me', { headers: { Accept: 'application/json' } });
    if (res.ok) apply(set)((await res.json()) as SessionAnswer);
    else set({ loaded: true });
  },
  login: async (username, password) => apply(set)(await sendJson<SessionAnswer>('POST', '/api/auth/login', { username, password })),
  logout: async () => apply(set)(await sendJson<SessionAnswer>('POST', '/api/auth/logout')),
  changePassword: async (currentPassword, newPassword) =>
    apply(set)(await sendJson<SessionAnswer>('POST', '/api/auth/password', { currentPassword, newPassword })),
}));

/** Whether the signed-in user may edit (the server still checks scope). */
export const useCanEdit = (): boolean => useSession((s) => s.user?.role === 'editor' || s.user?.role === 'admin');
