/** The review queue's flags, misuse cases from opening to finding and sanction, and the annual misuse report's due date. */
import { useEffect, useState } from 'preact/hooks';
import type { CaseClose, MisuseCase, MisuseCaseWithSteps, MisuseReportStatus, ReviewItem } from '@clets/switch/api-types';
import { time, type Api } from './api.js';
import { Field, Refusal, Section, attempt } from './ui.js';

const FINDINGS: readonly CaseClose['finding'][] = ['substantiated', 'unsubstantiated', 'unfounded', 'exonerated', 'policy_failure'];
const SANCTIONS: readonly NonNullable<CaseClose['sanction']>[] = ['none', 'counselling', 'retraining', 'suspension', 'termination', 'referral_for_prosecution'];

function formValues(event: Event): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget as HTMLFormElement)].map(([key, value]) => [key, String(value).trim()]));
}

function Queue({ api, onOpened }: { api: Api; onOpened: () => void }) {
  const [items, setItems] = useState<ReviewItem[]>();
  const [error, setError] = useState<unknown>();
  const [closing, setClosing] = useState<ReviewItem>();
  const load = () => attempt(async () => setItems((await api.call<{ items: ReviewItem[] }>('GET', '/v1/admin/review-queue?status=open')).items), setError);
  useEffect(() => { void load(); }, []);
  return (
    <Section title="Review queue: open flags">
      <Refusal error={error} />
      {items === undefined ? null : items.length === 0 ? <p class="muted">No open flags.</p> : (
        <table>
          <thead><tr><th scope="col">#</th><th scope="col">Raised</th><th scope="col">Operator</th><th scope="col">Kind</th><th scope="col">What</th><th scope="col">Row</th><th scope="col">Action</th></tr></thead>
          <tbody>{items.map((item) => (
            <tr><td>{item.id}</td><td>{time(item.at)}</td><td>{item.operatorId} <small>{item.ori}</small></td><td>{item.kind}{item.refused ? ' (refused)' : ''}</td><td>{item.detail}</td><td>{item.auditSeq ?? '-'}</td>
              <td class="actions">
                <button type="button" class="secondary" onClick={() => setClosing(item)}>Close flag {item.id}</button>
                <button type="button" class="secondary" onClick={() => attempt(async () => {
                  await api.call('POST', '/v1/admin/cases', { source: 'flag', subject: item.detail.slice(0, 200), allegation: `FLAG ${item.id}: ${item.kind}`, operatorId: item.operatorId, reviewItemIds: [item.id] });
                  await load(); onOpened();
                }, setError)}>Open case</button>
              </td></tr>
          ))}</tbody>
        </table>
      )}
      {closing === undefined ? null : (
        <form class="inline" onSubmit={(event) => { const values = formValues(event); void attempt(async () => { await api.call('POST', `/v1/admin/review-queue/${closing.id}/close`, { finding: values['finding'] }); setClosing(undefined); await load(); }, setError); }}>
          <Field label={`Finding for flag ${closing.id}`}><input name="finding" required minLength={3} maxLength={1000} autoFocus /></Field>
          <button type="submit">Close with finding</button>
          <button type="button" class="secondary" onClick={() => setClosing(undefined)}>Cancel</button>
        </form>
      )}
    </Section>
  );
}

function CaseDetail({ api, id, onChanged }: { api: Api; id: number; onChanged: () => void }) {
  const [found, setFound] = useState<MisuseCaseWithSteps>();
  const [error, setError] = useState<unknown>();
  const load = () => attempt(async () => setFound((await api.call<{ case: MisuseCaseWithSteps }>('GET', `/v1/admin/cases/${id}`)).case), setError);
  useEffect(() => { void load(); }, [id]);
  if (found === undefined) return <Refusal error={error} />;
  return (
    <Section title={`Case ${found.id}: ${found.subject}`}>
      <p>{found.status.toUpperCase()}; operator {found.operatorId ?? '-'} ({found.ori}); from {found.source}; opened {time(found.openedAt)} by {found.openedBy}. {found.allegation}</p>
      {found.finding ? <p>Finding <strong>{found.finding}</strong>, sanction <strong>{found.sanction}</strong>: {found.summary}</p> : null}
      <ol class="steps">{found.steps.map((step) => <li>{time(step.at)} {step.by} <strong>{step.kind}</strong>: {step.text}</li>)}</ol>
      {found.status === 'open' ? (
        <div class="two">
          <form onSubmit={(event) => { const values = formValues(event); void attempt(async () => { await api.call('POST', `/v1/admin/cases/${id}/steps`, { text: values['text'] }); (event.target as HTMLFormElement).reset(); await load(); }, setError); }}>
            <Field label="Note"><textarea name="text" required rows={2} /></Field>
            <button type="submit">Add note</button>
          </form>
          <form onSubmit={(event) => { const values = formValues(event); void attempt(async () => {
            await api.call('POST', `/v1/admin/cases/${id}/close`, { finding: values['finding'], sanction: values['sanction'], summary: values['summary'] });
            await load(); onChanged();
          }, setError); }}>
            <Field label="Finding"><select name="finding">{FINDINGS.map((each) => <option value={each}>{each}</option>)}</select></Field>
            <Field label="Sanction"><select name="sanction">{SANCTIONS.map((each) => <option value={each}>{each}</option>)}</select></Field>
            <Field label="Summary"><textarea name="summary" required rows={2} /></Field>
            <button type="submit">Close case</button>
          </form>
        </div>
      ) : null}
      <Refusal error={error} />
    </Section>
  );
}

export function ReviewView({ api }: { api: Api }) {
  const [cases, setCases] = useState<MisuseCase[]>();
  const [reports, setReports] = useState<MisuseReportStatus[]>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<number>();
  const year = new Date().getUTCFullYear() - 1;
  const load = () => attempt(async () => setCases((await api.call<{ cases: MisuseCase[] }>('GET', '/v1/admin/cases')).cases), setError);
  useEffect(() => {
    void load();
    void attempt(async () => setReports((await api.call<{ reports: MisuseReportStatus[] }>('GET', `/v1/admin/misuse-reports/${year}`)).reports), setError);
  }, []);
  return (
    <div class="stack">
      <Queue api={api} onOpened={() => void load()} />
      <Section title="Misuse cases">
        <Refusal error={error} />
        {cases === undefined ? null : cases.length === 0 ? <p class="muted">No cases.</p> : (
          <table>
            <thead><tr><th scope="col">Case</th><th scope="col">Opened</th><th scope="col">Operator</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Finding</th></tr></thead>
            <tbody>{cases.map((each) => <tr><td><button type="button" class="link" onClick={() => setOpen(each.id)}>Case {each.id}</button></td><td>{time(each.openedAt)}</td><td>{each.operatorId ?? '-'}</td><td>{each.subject}</td><td>{each.status}</td><td>{each.finding ?? '-'}</td></tr>)}</tbody>
          </table>
        )}
      </Section>
      {open === undefined ? null : <CaseDetail api={api} id={open} onChanged={() => void load()} />}
      <Section title={`Annual misuse report ${year}`}>
        {reports === undefined ? null : (
          <table>
            <thead><tr><th scope="col">Agency</th><th scope="col">Due</th><th scope="col" class="num">Days left</th><th scope="col" class="num">Investigations</th><th scope="col">Submitted</th></tr></thead>
            <tbody>{reports.map((report) => <tr><td>{report.ori}</td><td>{report.dueOn}</td><td class={`num ${report.daysLeft < 0 && !report.submitted ? 'overdue' : ''}`}>{report.daysLeft < 0 && !report.submitted ? `OVERDUE ${-report.daysLeft}` : report.daysLeft}</td><td class="num">{report.investigations}</td><td>{report.submitted ? `${report.submitted.reference} (${time(report.submitted.submittedAt)})` : 'no'}</td></tr>)}</tbody>
          </table>
        )}
        <p><a href="#/reports">The report itself</a> is under Reports.</p>
      </Section>
    </div>
  );
}
