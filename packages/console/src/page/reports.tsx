/** The coordinator's reports (GET /v1/admin/reports/:report), viewed as a table and downloaded as CSV or text. */
import { useState } from 'preact/hooks';
import type { Report, ReportName } from '@clets/switch/api-types';
import { download, query, type Api } from './api.js';
import { Field, Refusal, Section, attempt } from './ui.js';

const REPORTS: readonly { name: ReportName; title: string }[] = [
  { name: 'route-to', title: 'Route-to compliance' },
  { name: 'release-log', title: 'Release log' },
  { name: 'misuse', title: 'Annual misuse report' },
  { name: 'expiring', title: 'Expiring certifications' },
];

export function ReportsView({ api }: { api: Api }) {
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<unknown>();
  const [asked, setAsked] = useState<{ name: ReportName; params: Record<string, string> }>();
  const paramsOf = (form: HTMLFormElement) => Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value).trim()]).filter(([key, value]) => key !== 'report' && value !== ''));
  const view = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('report')) as ReportName;
    const params = paramsOf(form);
    void attempt(async () => {
      setReport((await api.call<{ report: Report }>('GET', `/v1/admin/reports/${name}${query(params)}`)).report);
      setAsked({ name, params });
    }, setError);
  };
  const save = (format: 'csv' | 'text') => asked && attempt(async () => {
    download(`${asked.name}.${format === 'csv' ? 'csv' : 'txt'}`, await api.text(`/v1/admin/reports/${asked.name}${query({ ...asked.params, format })}`), format === 'csv' ? 'text/csv' : 'text/plain');
  }, setError);
  return (
    <div class="stack">
      <Section title="Reports">
        <form class="search" onSubmit={view}>
          <Field label="Report"><select name="report">{REPORTS.map((each) => <option value={each.name}>{each.title}</option>)}</select></Field>
          <Field label="From" hint="YYYY-MM-DD"><input name="from" /></Field>
          <Field label="To" hint="YYYY-MM-DD"><input name="to" /></Field>
          <Field label="Year" hint="misuse report"><input name="year" inputMode="numeric" /></Field>
          <Field label="Days" hint="expiring within"><input name="days" inputMode="numeric" /></Field>
          <div class="actions">
            <button type="submit">View</button>
            <button type="button" class="secondary" disabled={!asked} onClick={() => save('csv')}>Download CSV</button>
            <button type="button" class="secondary" disabled={!asked} onClick={() => save('text')}>Download text</button>
          </div>
        </form>
        <Refusal error={error} />
      </Section>
      {report === undefined ? null : (
        <Section title={report.title}>
          {report.subtitle.map((line) => <p class="muted">{line}</p>)}
          <div class="table-wrap"><table>
            <thead><tr>{report.columns.map((column) => <th scope="col" class={column.align === 'right' ? 'num' : undefined}>{column.header}</th>)}</tr></thead>
            <tbody>{report.rows.length === 0 ? <tr><td colSpan={report.columns.length} class="muted">no rows</td></tr>
              : report.rows.map((row) => <tr>{report.columns.map((column) => <td class={column.align === 'right' ? 'num' : undefined}>{row[column.key] ?? ''}</td>)}</tr>)}</tbody>
          </table></div>
          {report.summary.map((line) => <p>{line}</p>)}
        </Section>
      )}
    </div>
  );
}
