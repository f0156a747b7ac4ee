/** A small uPlot chart: one or more series over the same x values (time, or categories as bars). */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  /** What the chart shows, for people who cannot see it (the figures are in the table beside it). */
  readonly label: string;
  readonly data: uPlot.AlignedData;
  readonly series: readonly { label: string; stroke: string; fill?: string }[];
  readonly height?: number;
  readonly bars?: boolean;
  /** Category names of the x values (bars). */
  readonly categories?: readonly string[];
}

export function Chart({ label, data, series, height = 140, bars = false, categories }: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = holder.current!;
    const width = Math.max(200, element.clientWidth || 360);
    const options: uPlot.Options = {
      width, height,
      legend: { show: series.length > 1 },
      cursor: { show: !bars },
      scales: { x: { time: !bars } },
      axes: [
        bars ? { values: (_u, ticks) => ticks.map((tick) => categories?.[tick] ?? '') , stroke: '#1f2933' } : { stroke: '#1f2933' },
        { stroke: '#1f2933', size: 44 },
      ],
      series: [{}, ...series.map((each) => ({
        label: each.label, stroke: each.stroke, width: 2, ...(each.fill ? { fill: each.fill } : {}),
        ...(bars ? { paths: uPlot.paths.bars!({ size: [0.6, 60] }), points: { show: false } } : { points: { show: false } }),
      }))],
    };
    plot.current = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, element.clientWidth), height }));
    resize.observe(element);
    return () => { resize.disconnect(); plot.current?.destroy(); plot.current = null; };
  }, [series.length, bars, height]);

  useEffect(() => { plot.current?.setData(data); }, [data]);

  return <div class="chart" role="img" aria-label={label} ref={holder} />;
}
