/**
 * One shape for every coordinator report, rendered as fixed-width text (for the screen and
 * the printer a CORI auditor reads) or CSV (RFC 4180, for a spreadsheet). Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote.
 */

export interface ReportColumn {
  readonly key: string;
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export type ReportCell = string | number | null;

export interface Report {
  readonly title: string;
  /** Lines under the title: period, agency, due date, retention. */
  readonly subtitle: readonly string[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, ReportCell>>[];
  /** Lines after the table: totals and notes. */
  readonly summary: readonly string[];
}

export type ReportFormat = 'text' | 'csv' | 'json';

function cellText(value: ReportCell | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

export function renderText(report: Report): string {
  const widths = report.columns.map((column) => Math.max(column.header.length, ...report.rows.map((row) => cellText(row[column.key]).length)));
  const line = (cells: readonly string[]): string => cells
    .map((cell, index) => (report.columns[index]?.align === 'right' ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
    .join('  ').trimEnd();
  const out = [report.title, ...report.subtitle, ''];
  out.push(line(report.columns.map((column) => column.header)));
  out.push(line(widths.map((width) => '-'.repeat(width))));
  for (const row of report.rows) out.push(line(report.columns.map((column) => cellText(row[column.key]))));
  if (report.rows.length === 0) out.push('(none)');
  if (report.summary.length > 0) out.push('', ...report.summary);
  return `${out.join('\n')}\n`;
}

function csvCell(value: ReportCell | undefined): string {
  let text = cellText(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table only (one header line, one line per row), CRLF line ends as RFC 4180 asks. */
export function renderCsv(report: Report): string {
  const lines = [report.columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of report.rows) lines.push(report.columns.map((column) => csvCell(row[column.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function renderReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'text': return renderText(report);
    case 'csv': return renderCsv(report);
    case 'json': return `${JSON.stringify(report)}\n`;
  }
}

/** 'YYYY-MM-DD' of an instant (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A share as a percentage with one decimal ('87.5'); '-' when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : (Math.round((part / whole) * 1000) / 10).toFixed(1);
}
