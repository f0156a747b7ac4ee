/** Audit search by subject, operator, terminal and time (GET /v1/audit/search), with the chain's verification. */
import { useEffect, useState } from 'preact/hooks';
import type { AuditSearchHit, AuditScope, ChainVerificationStatus } from '@clets/switch/api-types';
import { download, query, time, type Api } from './api.js';
import { routeTo, toCsv } from './audit-csv.js';
import { Field, Refusal, Section, attempt } from './ui.js';

const SUBJECT_FIELDS = [
  ['name', 'Name', 'LAST,FIRST'], ['dob', 'Date of birth', 'CCYYMMDD'], ['plate', 'Plate', ''], ['vin', 'VIN', ''], ['oln', 'Licence (OLN)', ''],
  ['state', 'State', 'with plate or OLN'], ['soc', 'SSN', ''], ['case', 'Case number', ''],
] as const;
const FILTER_FIELDS = [['operatorId', 'Operator', ''], ['terminal', 'Terminal', ''], ['from', 'From', 'YYYY-MM-DD'], ['to', 'To', 'YYYY-MM-DD, not included']] as const;

function Verification({ api }: { api: Api }) {
  const [status, setStatus] = useState<ChainVerificationStatus>();
  const [error, setError] = useState<unknown>();
  const load = () => attempt(async () => setStatus(await api.call<ChainVerificationStatus>('GET', '/v1/audit/verification')), setError);
  useEffect(() => { void load(); }, []);
  useEffect(() => {
    if (status?.state !== 'running') return undefined;
    const timer = setTimeout(() => void load(), 1000);
    return () => clearTimeout(timer);
  }, [status]);
  const last = status?.last;
  return (
    <Section title="Audit chain" actions={<button type="button" class="secondary" onClick={() => attempt(async () => setStatus(await api.call<ChainVerificationStatus>('POST', '/v1/audit/verification')), setError)}>Verify now</button>}>
      <p role="status">
        {status === undefined ? '...' : status.state === 'running' ? 'Verifying the whole chain...' : last === null || last === undefined ? 'Not verified since the switch started.'
          : last.ok ? <><span class="state up">VERIFIED</span> {last.rows.toLocaleString()} rows through row {last.headSeq}, {time(last.finishedAt)} (by {last.by})</>
          : <><span class="state down">BROKEN</span> at row {last.firstBadSeq ?? '?'}: {last.reason} ({time(last.finishedAt)})</>}
      </p>
      <Refusal error={error} />
    </Section>
  );
}

export function AuditView({ api }: { api: Api }) {
  const [hits, setHits] = useState<AuditSearchHit[]>();
  const [scope, setScope] = useState<AuditScope>();
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState<AuditSearchHit>();
  const [busy, setBusy] = useState(false);

  const search = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const values: Record<string, string> = {};
    for (const [key, value] of form) values[key] = String(value).trim().toUpperCase();
    for (const key of ['from', 'to']) if (values[key]) values[key] = values[key]!.toLowerCase();
    setBusy(true);
    setSelected(undefined);
    await attempt(async () => {
      const answer = await api.call<{ hits: AuditSearchHit[]; scope: AuditScope }>('GET', `/v1/audit/search${query({ ...values, limit: 1000 })}`);
      setHits(answer.hits);
      setScope(answer.scope);
      performance.mark('audit-search-rendered-request');
    }, setError);
    setBusy(false);
  };

  return (
    <div class="stack">
      <Section title="Who looked up a subject">
        <form class="search" onSubmit={search}>
          <fieldset><legend>Subject</legend>{SUBJECT_FIELDS.map(([name, label, hint]) => <Field label={label} hint={hint}><input name={name} /></Field>)}</fieldset>
          <fieldset><legend>Filters</legend>{FILTER_FIELDS.map(([name, label, hint]) => <Field label={label} hint={hint}><input name={name} /></Field>)}</fieldset>
          <div class="actions">
            <button type="submit" disabled={busy}>{busy ? 'Searching...' : 'Search'}</button>
            <button type="button" class="secondary" disabled={!hits?.length} onClick={() => hits && download('audit-search.csv', toCsv(hits), 'text/csv')}>Export CSV</button>
          </div>
        </form>
        <p class="muted">Every search is itself recorded in the audit log under your id.</p>
        <Refusal error={error} />
      </Section>
      {hits === undefined ? null : (
        <Section title={`Results: ${hits.length}`}>
          <p class="muted" data-testid="scope">Scope: {scope === 'all' ? 'every row of this switch' : `rows of ${scope?.oris.join(', ')}`}</p>
          <div class="table-wrap">
            <table class="results" aria-rowcount={hits.length}>
              <thead><tr><th scope="col">Time</th><th scope="col">Operator</th><th scope="col">Terminal</th><th scope="col">Key</th><th scope="col">Route-to</th><th scope="col">Outcome</th><th scope="col">Row</th></tr></thead>
              <tbody>
                {hits.map((hit) => (
                  <tr class={selected?.seq === hit.seq ? 'selected' : undefined}>
                    <td>{time(hit.atMs)}</td><td>{hit.operatorId}</td><td>{hit.terminal}</td><td>{hit.messageKey}</td><td>{routeTo(hit)}</td>
                    <td><span class={`result ${hit.result}`}>{hit.result.replace('_', ' ').toUpperCase()}</span></td>
                    <td><button type="button" class="link" aria-label={`Details of row ${hit.seq}`} onClick={() => setSelected(hit)}>{hit.seq}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {selected === undefined ? null : (
        <Section title={`Row ${selected.seq}`} actions={<button type="button" class="secondary" onClick={() => setSelected(undefined)}>Close</button>}>
          <dl class="detail">
            <dt>When</dt><dd>{selected.at}</dd>
            <dt>Who</dt><dd>{selected.operatorId} at {selected.terminal} ({selected.ori}), from {selected.sourceAddress}</dd>
            <dt>Message</dt><dd>{selected.messageKey} input {selected.inputSeq}, {selected.type} {selected.outcome}{selected.code ? ` ${selected.code}` : ''}</dd>
            <dt>Route-to</dt><dd>{routeTo(selected) || '-'}</dd>
            <dt>Subject keys</dt><dd>{selected.subjectKeys.join(', ')} (matched {selected.matched.join(', ')})</dd>
            <dt>Records disclosed</dt><dd>{selected.records.join(', ') || 'none'}</dd>
            <dt>Answers</dt><dd><ul>{selected.answers.map((answer) => <li>row {answer.seq} {answer.type} {answer.outcome}{answer.system ? ` from ${answer.system}` : ''}{answer.records?.length ? `: ${answer.records.join(', ')}` : ''}{answer.code ? ` ${answer.code}` : ''}</li>)}</ul></dd>
            <dt>Hash</dt><dd><code>{selected.hash}</code></dd>
          </dl>
        </Section>
      )}
      <Verification api={api} />
    </div>
  );
}
