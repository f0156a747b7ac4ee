/** Operators by certification (lapsed, lapsing in 30/60/90 days), unlock and deactivate; terminals, their class and keys. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Operator, Terminal } from '@clets/switch/api-types';
import type { Api } from './api.js';
import { Chart } from './chart.js';
import { Refusal, Section, attempt } from './ui.js';

const BUCKETS = ['lapsed', '30 days', '60 days', '90 days'] as const;
type Bucket = (typeof BUCKETS)[number] | 'later';

/** The first date a certification lapses on, and where that puts the operator. */
export function bucketOf(operator: Operator, now: number): { bucket: Bucket; on: string | null } {
  const dates = Object.values(operator.certification.lapsesOn).filter((value): value is string => typeof value === 'string').sort();
  const on = dates[0] ?? null;
  if (!operator.certification.current) return { bucket: 'lapsed', on };
  if (on === null) return { bucket: 'later', on };
  const days = (Date.parse(`${on}T00:00:00Z`) - now) / 86_400_000;
  return { bucket: days <= 30 ? '30 days' : days <= 60 ? '60 days' : days <= 90 ? '90 days' : 'later', on };
}

export function PeopleView({ api }: { api: Api }) {
  const [operators, setOperators] = useState<Operator[]>();
  const [terminals, setTerminals] = useState<Terminal[]>();
  const [error, setError] = useState<unknown>();
  const [terminalError, setTerminalError] = useState<unknown>();
  const load = () => attempt(async () => setOperators((await api.call<{ operators: Operator[] }>('GET', '/v1/admin/operators')).operators), setError);
  useEffect(() => {
    void load();
    void attempt(async () => setTerminals((await api.call<{ terminals: Terminal[] }>('GET', '/v1/admin/terminals')).terminals), setTerminalError);
  }, []);
  const now = Date.now();
  const sorted = useMemo(() => (operators ?? []).filter((each) => !each.deactivated).map((each) => ({ operator: each, ...bucketOf(each, now) })), [operators]);
  const counts = BUCKETS.map((bucket) => sorted.filter((each) => each.bucket === bucket).length);
  const act = (operator: Operator, action: 'unlock' | 'deactivate') => attempt(async () => {
    if (action === 'deactivate') {
      const reason = prompt(`Why is ${operator.id} deactivated?`);
      if (!reason) return;
      await api.call('POST', `/v1/admin/operators/${operator.id}/deactivate`, { reason });
    } else {
      await api.call('POST', `/v1/admin/operators/${operator.id}/unlock`);
    }
    await load();
  }, setError);
  return (
    <div class="stack">
      <Section title="Certifications">
        <Refusal error={error} />
        {operators === undefined ? null : (
          <div class="two">
            <Chart label={`Operators by certification: ${BUCKETS.map((bucket, index) => `${bucket} ${counts[index]}`).join(', ')}`} bars categories={BUCKETS}
              data={[[0, 1, 2, 3], counts]} series={[{ label: 'operators', stroke: '#1d4ed8', fill: '#93c5fd' }]} />
            <dl class="figures">{BUCKETS.map((bucket, index) => <><dt>{bucket === 'lapsed' ? 'Lapsed' : `Lapsing within ${bucket}`}</dt><dd>{counts[index]}</dd></>)}</dl>
          </div>
        )}
      </Section>
      {operators === undefined ? null : (
        <Section title={`Operators: ${operators.length}`}>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">ORI</th><th scope="col">Role</th><th scope="col">Certification</th><th scope="col">Lapses on</th><th scope="col">Account</th><th scope="col">Action</th></tr></thead>
            <tbody>{sorted.map(({ operator, bucket, on }) => (
              <tr><td>{operator.id}</td><td>{operator.name.last}, {operator.name.first}</td><td>{operator.ori}</td><td>{operator.role}</td>
                <td>{bucket === 'lapsed' ? <span class="state down">LAPSED {operator.certification.lapse?.code.replace('CLETS_ERR_', '')}</span> : bucket === 'later' ? 'current' : <span class="state warn">{bucket}</span>}</td>
                <td>{on ?? '-'}</td><td>{operator.lockout.locked ? <span class="state down">LOCKED</span> : 'open'}</td>
                <td class="actions">
                  {operator.lockout.locked ? <button type="button" class="secondary" onClick={() => act(operator, 'unlock')}>Unlock {operator.id}</button> : null}
                  <button type="button" class="secondary" onClick={() => act(operator, 'deactivate')}>Deactivate {operator.id}</button>
                </td></tr>
            ))}</tbody>
          </table></div>
        </Section>
      )}
      <Section title="Terminals">
        <Refusal error={terminalError} />
        {terminals === undefined ? null : (
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Terminal</th><th scope="col">ORI</th><th scope="col">Class</th><th scope="col">Allowed keys</th><th scope="col">Active</th></tr></thead>
            <tbody>{terminals.map((terminal) => <tr><td>{terminal.mnemonic}</td><td>{terminal.ori}</td><td>{terminal.terminalClass}</td><td>{terminal.allowedKeys?.join(' ') ?? 'every key'}</td><td>{terminal.active ? 'yes' : 'no'}</td></tr>)}</tbody>
          </table></div>
        )}
      </Section>
    </div>
  );
}
