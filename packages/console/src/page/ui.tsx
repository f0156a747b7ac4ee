/** The pieces every view shares: a refusal shown as the API gave it, a busy marker, a table. */
import type { ComponentChildren } from 'preact';
import { ApiError } from './api.js';

export function Refusal({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const refused = error instanceof ApiError;
  return (
    <div role="alert" class="refusal">
      <strong>{refused && error.status === 403 ? 'Not permitted' : refused ? `Refused (${error.status})` : 'Failed'}</strong>
      {refused ? <> <code>{error.code}</code>: {error.message}</> : <> {String((error as Error).message ?? error)}</>}
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const id = `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} class="card">
      <div class="card-head"><h2 id={id}>{title}</h2>{actions}</div>
      {children}
    </section>
  );
}

export function Field({ label, children, hint }: { label: string; children: ComponentChildren; hint?: string }) {
  return <label class="field"><span>{label}{hint ? <small> {hint}</small> : null}</span>{children}</label>;
}

/** Runs an action, keeping its error for the view; returns whether it succeeded. */
export async function attempt(run: () => Promise<unknown>, setError: (error: unknown) => void): Promise<boolean> {
  setError(undefined);
  try {
    await run();
    return true;
  } catch (error) {
    setError(error);
    return false;
  }
}
