/** The live view: one `figures` event a second from GET /v1/admin/live, the last two minutes charted. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LiveFigures } from '@clets/switch/api-types';
import type { Api } from './api.js';
import { Chart } from './chart.js';
import { Refusal, Section } from './ui.js';

const WINDOW = 120;

export function LiveView({ api }: { api: Api }) {
  const [figures, setFigures] = useState<LiveFigures>();
  const [history, setHistory] = useState<{ at: number[]; tps: number[]; refused: number[]; hitRate: (number | null)[] }>({ at: [], tps: [], refused: [], hitRate: [] });
  const [error, setError] = useState<unknown>();
  const [ended, setEnded] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    api.stream('/v1/admin/live', (event, data) => {
      if (event === 'end') { setEnded((data as { message: string }).message); return; }
      if (event !== 'figures') return;
      const next = data as LiveFigures;
      setFigures(next);
      setHistory((old) => {
        const answers = next.answers.hit + next.answers.possible + next.answers.noRecord + next.answers.other;
        const keep = (values: (number | null)[], value: number | null) => [...values, value].slice(-WINDOW);
        return {
          at: keep(old.at, next.at / 1000) as number[],
          tps: keep(old.tps, next.transactionsPerSecond.reduce((sum, each) => sum + each.rate, 0)) as number[],
          refused: keep(old.refused, next.transactionsPerSecond.reduce((sum, each) => sum + each.refusedRate, 0)) as number[],
          hitRate: keep(old.hitRate, answers === 0 ? null : (100 * (next.answers.hit + next.answers.possible)) / answers),
        };
      });
    }, controller.signal).catch((failure: unknown) => { if (!controller.signal.aborted) setError(failure); });
    return () => controller.abort();
  }, [api]);

  const rateData = useMemo(() => [history.at, history.tps, history.refused] as [number[], number[], number[]], [history]);
  const hitData = useMemo(() => [history.at, history.hitRate] as [number[], (number | null)[]], [history]);

  if (error !== undefined) return <Refusal error={error} />;
  const scope = figures === undefined ? '' : figures.scope === 'all' ? 'every agency of this switch' : `agency ${figures.scope.oris.join(', ')}`;
  return (
    <div class="grid">
      {ended ? <div role="alert" class="refusal">{ended}</div> : null}
      <p class="muted wide" aria-live="polite">{figures === undefined ? 'Waiting for the first figures...' : `Updated ${new Date(figures.at).toLocaleTimeString()}. Rates, links and queues: the whole switch. Refusals, answers and terminals: ${scope}.`}{figures?.sampled ? ' (Busy: answers and refusals are sampled.)' : ''}</p>
      <Section title="Transactions per second">
        <Chart label="Transactions and refusals per second over the last two minutes" data={rateData} series={[{ label: 'all', stroke: '#1d4ed8' }, { label: 'refused', stroke: '#b91c1c' }]} />
        <table><caption class="sr-only">Transactions per second by message key</caption>
          <thead><tr><th scope="col">Key</th><th scope="col" class="num">per second</th><th scope="col" class="num">refused per second</th></tr></thead>
          <tbody>{(figures?.transactionsPerSecond ?? []).map((row) => <tr><td>{row.key}</td><td class="num">{row.rate.toFixed(1)}</td><td class="num">{row.refusedRate.toFixed(1)}</td></tr>)}</tbody>
        </table>
      </Section>
      <Section title="Hit rate">
        <Chart label="Share of answers that were hits, percent, over the last two minutes" data={hitData} series={[{ label: 'hits %', stroke: '#047857' }]} />
        <p>Last second: {figures ? `${figures.answers.hit} hit, ${figures.answers.possible} possible, ${figures.answers.noRecord} no record, ${figures.answers.other} other` : '-'}</p>
      </Section>
      <Section title="Refusals by code">
        <table><thead><tr><th scope="col">Code</th><th scope="col" class="num">last second</th></tr></thead>
          <tbody>{(figures?.refusals ?? []).length === 0 ? <tr><td colSpan={2} class="muted">none</td></tr> : figures!.refusals.map((row) => <tr><td><code>{row.code}</code></td><td class="num">{row.count}</td></tr>)}</tbody>
        </table>
      </Section>
      <Section title="Links and systems">
        <table><thead><tr><th scope="col">Link</th><th scope="col">State</th><th scope="col">Systems</th><th scope="col" class="num">Held</th></tr></thead>
          <tbody>{(figures?.links ?? []).map((link) => <tr><td>{link.name} <small class="muted">{link.kind}</small></td><td><span class={`state ${link.state}`}>{link.state === 'up' ? 'UP' : link.state.toUpperCase()}</span></td><td>{link.systems.join(', ')}</td><td class="num">{link.held}</td></tr>)}</tbody>
        </table>
      </Section>
      <Section title="Queues">
        <dl class="figures">
          <dt>In flight</dt><dd>{figures?.queues.inFlight ?? '-'}</dd>
          <dt>Stored for offline terminals</dt><dd>{figures?.queues.stored ?? '-'}</dd>
          <dt>Audit rows pending</dt><dd>{figures?.queues.auditPending ?? '-'}</dd>
          <dt>Audit log</dt><dd>{figures === undefined ? '-' : figures.queues.auditWritable ? 'writable' : 'NOT WRITABLE'}</dd>
        </dl>
      </Section>
      <Section title="Terminals logged in">
        <p>{figures ? `${figures.terminalsLoggedIn} on this switch; ${figures.terminals.length} listed in your scope.` : '-'}</p>
        <table><thead><tr><th scope="col">Terminal</th><th scope="col">ORI</th><th scope="col">Operator</th><th scope="col">Since</th></tr></thead>
          <tbody>{(figures?.terminals ?? []).map((terminal) => <tr><td>{terminal.mnemonic}</td><td>{terminal.ori}</td><td>{terminal.operatorId}</td><td>{new Date(terminal.since).toLocaleTimeString()}</td></tr>)}</tbody>
        </table>
      </Section>
    </div>
  );
}
