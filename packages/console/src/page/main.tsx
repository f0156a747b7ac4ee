/**
 * The coordinator's console: log in with password and TOTP, then the views a person's role
 * and agency allow. The page hides nothing on its own authority: each view asks the API, and
 * a view the API refuses shows the refusal as the API gave it.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Api } from './api.js';
import { AuditView } from './audit.js';
import { LiveView } from './live.js';
import { PeopleView } from './people.js';
import { ReportsView } from './reports.js';
import { ReviewView } from './review.js';
import { Field, Refusal, attempt } from './ui.js';
import './style.css';

const VIEWS = [
  { id: 'live', title: 'Live' },
  { id: 'audit', title: 'Audit search' },
  { id: 'review', title: 'Review and cases' },
  { id: 'people', title: 'People and terminals' },
  { id: 'reports', title: 'Reports' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

const api = new Api();

function viewOfHash(): ViewId {
  const wanted = location.hash.replace(/^#\/?/, '');
  return VIEWS.find((view) => view.id === wanted)?.id ?? 'live';
}

function Login({ onLogin }: { onLogin: () => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const ok = await attempt(() => api.login(String(form.get('operatorId')).trim().toUpperCase(), String(form.get('password')), String(form.get('totpCode')).trim()), setError);
    setBusy(false);
    if (ok) onLogin();
  };
  return (
    <main class="login">
      <h1>CLETS console</h1>
      <p>Agency CLETS Coordinators, security points of contact and switch administrators. Use is monitored, recorded and subject to audit.</p>
      <form onSubmit={submit} aria-describedby="login-note">
        <Field label="Operator id"><input name="operatorId" autoComplete="username" required autoFocus /></Field>
        <Field label="Password"><input name="password" type="password" autoComplete="current-password" required /></Field>
        <Field label="TOTP code" hint="(6 digits from your authenticator)"><input name="totpCode" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6,8}" required /></Field>
        <button type="submit" disabled={busy}>{busy ? 'Logging in...' : 'Log in'}</button>
        <p id="login-note" class="muted">Every login, read and change is written to this switch's audit log.</p>
      </form>
      <Refusal error={error} />
    </main>
  );
}

function App() {
  const [session, setSession] = useState(api.session);
  const [view, setView] = useState<ViewId>(viewOfHash());
  useEffect(() => {
    const changed = () => setView(viewOfHash());
    addEventListener('hashchange', changed);
    api.onLoggedOut = () => setSession(undefined);
    return () => removeEventListener('hashchange', changed);
  }, []);
  if (session === undefined) return <Login onLogin={() => setSession(api.session)} />;
  const who = session.administrator;
  return (
    <div class="shell">
      <header>
        <span class="brand">CLETS console</span>
        <nav aria-label="Views">
          {VIEWS.map((each) => <a href={`#/${each.id}`} aria-current={each.id === view ? 'page' : undefined}>{each.title}</a>)}
        </nav>
        <span class="who">{who.id} <span class="badge">{who.role}</span> {who.ori ?? 'all agencies'}</span>
        <button type="button" class="secondary" onClick={async () => { await api.logout().catch(() => undefined); setSession(undefined); }}>Log out</button>
      </header>
      {session.notices.length > 0 ? <div class="notices" role="status">{session.notices.map((notice) => <p>{notice}</p>)}</div> : null}
      <main id="main">
        <h1 class="sr-only">{VIEWS.find((each) => each.id === view)?.title}</h1>
        {view === 'live' ? <LiveView api={api} /> : null}
        {view === 'audit' ? <AuditView api={api} /> : null}
        {view === 'review' ? <ReviewView api={api} /> : null}
        {view === 'people' ? <PeopleView api={api} /> : null}
        {view === 'reports' ? <ReportsView api={api} /> : null}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
