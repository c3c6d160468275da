import './account.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from './store';

/** Top-bar account control: sign in, who is signed in, password change, sign out. */
export function AccountMenu() {
  const { t } = useI18n();
  const { user, loaded, load, login, logout, changePassword } = useSession();
  const [open, setOpen] = useState<'login' | 'password' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (user?.mustChangePassword) setOpen('password');
  }, [user?.mustChangePassword]);

  const submit = (fn: (f: FormData) => Promise<void>) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    try {
      await fn(new FormData(e.currentTarget));
      setOpen(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (!loaded) return null;
  return (
    <div className="account">
      {user ? (
        <>
          <span className="who" data-testid="signed-in-as">
            {user.username} · {t(`auth.role.${user.role}`)}
          </span>
          <button type="button" className="lang" onClick={() => setOpen('password')}>{t('auth.changePassword')}</button>
          <button type="button" className="lang" onClick={() => void logout()}>{t('auth.signOut')}</button>
        </>
      ) : (
        <button type="button" className="lang" onClick={() => setOpen('login')}>{t('auth.signIn')}</button>
      )}
      {open === 'login' && (
        <form className="account-form" aria-label={t('auth.signIn')} onSubmit={submit((f) => login(String(f.get('username')), String(f.get('password'))))}>
          <label>{t('auth.username')}<input name="username" autoComplete="username" required /></label>
          <label>{t('auth.password')}<input name="password" type="password" autoComplete="current-password" required /></label>
          {error && <p role="alert" className="error">{error}</p>}
          <div className="row">
            <button type="submit">{t('auth.signIn')}</button>
            <button type="button" onClick={() => setOpen(null)}>{t('auth.cancel')}</button>
          </div>
        </form>
      )}
      {open === 'password' && (
        <form className="account-form" aria-label={t('auth.changePassword')} onSubmit={submit((f) => changePassword(String(f.get('current')), String(f.get('next'))))}>
          {user?.mustChangePassword && <p className="note">{t('auth.mustChange')}</p>}
          <label>{t('auth.currentPassword')}<input name="current" type="password" autoComplete="current-password" required /></label>
          <label>{t('auth.newPassword')}<input name="next" type="password" autoComplete="new-password" minLength={10} required /></label>
          {error && <p role="alert" className="error">{error}</p>}
          <div className="row">
            <button type="submit">{t('auth.changePassword')}</button>
            {!user?.mustChangePassword && <button type="button" onClick={() => setOpen(null)}>{t('auth.cancel')}</button>}
          </div>
        </form>
      )}
    </div>
  );
}
