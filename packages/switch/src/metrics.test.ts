import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';

/** The sample lines of one metric (no HELP or TYPE). */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe('Metrics', () => {
  it('renders counters under their names with their declared labels', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.count('clets_transactions_total', 'Transactions by message key and outcome', { key: 'QW', outcome: 'accepted' });
    metrics.count('clets_transactions_total', 'Transactions by message key and outcome', { key: 'QW', outcome: 'accepted' }, 2);
    metrics.count('clets_transactions_total', 'Transactions by message key and outcome', { key: 'DQ', outcome: 'rejected' });
    metrics.count('clets_malformed_frames_total', 'Frames from terminals that could not be decoded');
    const text = await metrics.render();
    expect(text).toContain('# HELP clets_transactions_total Transactions by message key and outcome\n# TYPE clets_transactions_total counter\n');
    expect(samples(text, 'clets_transactions_total')).toEqual([
      'clets_transactions_total{key="QW",outcome="accepted"} 3',
      'clets_transactions_total{key="DQ",outcome="rejected"} 1',
    ]);
    expect(samples(text, 'clets_malformed_frames_total')).toEqual(['clets_malformed_frames_total 1']);
    expect(await metrics.counterValue('clets_transactions_total', { key: 'QW', outcome: 'accepted' })).toBe(3);
    expect(await metrics.counterValue('clets_transactions_total', { key: 'QW', outcome: 'rejected' })).toBe(0);
  });

  it('escapes a label value with a quote, a backslash and a newline instead of mangling it', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.count('clets_frames_received_total', 'Frames received from terminals', { kind: 'a"b\\c\nd' });
    const text = await metrics.render();
    expect(samples(text, 'clets_frames_received_total')).toEqual(['clets_frames_received_total{kind="a\\"b\\\\c\\nd"} 1']);
    // The value did not end the line: every line of the exposition is a comment or a sample.
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !/^clets_\w+(\{.*\})? \S+$/.test(line))).toEqual([]);
  });

  it('refuses a label name the counter was not declared with', () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.count('clets_logons_total', 'Operator logons by outcome', { outcome: 'success' });
    expect(() => metrics.count('clets_logons_total', 'Operator logons by outcome', { result: 'success' })).toThrow(/result/);
  });

  it('reads gauges when rendered, and forgets label sets that are gone', async () => {
    const metrics = new Metrics({ processMetrics: false });
    let links: Array<[string, number]> = [['NCIC', 1], ['DMV', 0]];
    let inFlight = 4;
    metrics.gauge('clets_link_up', 'Link state (1 up, 0 otherwise)', ['link'], () => links.map(([link, up]) => [{ link }, up] as const));
    metrics.gauge('clets_transactions_in_flight', 'Transactions accepted and not complete', [], () => [[{}, inFlight]]);
    let text = await metrics.render();
    expect(text).toContain('# TYPE clets_link_up gauge\n');
    expect(samples(text, 'clets_link_up')).toEqual(['clets_link_up{link="NCIC"} 1', 'clets_link_up{link="DMV"} 0']);
    expect(samples(text, 'clets_transactions_in_flight')).toEqual(['clets_transactions_in_flight 4']);
    links = [['NCIC', 0]];
    inFlight = 0;
    text = await metrics.render();
    expect(samples(text, 'clets_link_up')).toEqual(['clets_link_up{link="NCIC"} 0']);
    expect(samples(text, 'clets_transactions_in_flight')).toEqual(['clets_transactions_in_flight 0']);
  });

  it('keeps the latency histogram in milliseconds with its buckets', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.observeLatency(0.3);
    metrics.observeLatency(7);
    metrics.observeLatency(20_000);
    const text = await metrics.render();
    expect(text).toContain('# TYPE clets_transaction_latency_ms histogram\n');
    expect(text).toContain('clets_transaction_latency_ms_bucket{le="0.5"} 1\n');
    expect(text).toContain('clets_transaction_latency_ms_bucket{le="10"} 2\n');
    expect(text).toContain('clets_transaction_latency_ms_bucket{le="10000"} 2\n');
    expect(text).toContain('clets_transaction_latency_ms_bucket{le="+Inf"} 3\n');
    expect(text).toContain('clets_transaction_latency_ms_sum 20007.3\n');
    expect(text).toContain('clets_transaction_latency_ms_count 3\n');
  });

  it("carries the process's CPU, memory, event-loop lag and GC figures", async () => {
    const text = await new Metrics().render();
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(text).toMatch(new RegExp(`^${name} \\S+$`, 'm'));
    }
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram\n');
    expect(text).toContain('# TYPE clets_transaction_latency_ms histogram\n');
    expect(await new Metrics({ processMetrics: false }).render()).not.toContain('nodejs_eventloop_lag_seconds');
  });
});
