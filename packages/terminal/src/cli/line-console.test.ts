import { afterEach, describe, expect, it } from 'vitest';
import { InputCancelled, InputClosed } from './ask.js';
import { displayPosition, LineConsole } from './line-console.js';
import { KEY, Screen } from './testing/screen.js';

let consoles: LineConsole[] = [];

function open(columns?: number, terminal = true): { screen: Screen; console: LineConsole } {
  const screen = new Screen(columns);
  const console = new LineConsole({ input: screen.input, output: screen.output, terminal });
  consoles.push(console);
  return { screen, console };
}

afterEach(() => {
  for (const console of consoles) console.close();
  consoles = [];
});

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('LineConsole', () => {
  it('prints above a half-typed line and draws the prompt and the partial line again', async () => {
    const { screen, console } = open();
    const lines: string[] = [];
    console.onLine((line) => lines.push(line));
    console.setPrompt('OP1> ');
    console.prompt();
    screen.type('QW.CA01');
    await screen.waitFor('OP1> QW.CA01');
    console.print('AM FROM CA0370000\nATTEMPT TO LOCATE');
    expect(screen.text.endsWith('AM FROM CA0370000\nATTEMPT TO LOCATE\nOP1> QW.CA01')).toBe(true);
    expect(console.line).toBe('QW.CA01');
    screen.enter('94200');
    await tick();
    expect(lines).toEqual(['QW.CA0194200']);
  });

  it('clears every row of a wrapped line and puts the cursor back where it was', async () => {
    const { screen, console } = open(20);
    console.prompt();
    const typed = 'QW.CA0190000.NAM/DOE,JOHN.DOB';
    screen.type(typed + KEY.left.repeat(5));
    await tick();
    // "> " + 29 characters = 31: two rows of 20; the cursor is 5 back, row 1 column 6.
    const before = screen.raw.length;
    console.print('MESSAGE');
    expect(screen.raw.slice(before)).toBe(`\x1b[1A\x1b[1G\x1b[0JMESSAGE\n> ${typed}\x1b[7G`);
  });

  it('takes a hidden answer without echoing it, and keeps it out of the history', async () => {
    const { screen, console } = open();
    const lines: string[] = [];
    console.onLine((line) => lines.push(line));
    console.prompt();
    screen.enter('help');
    await tick();
    const answer = console.ask('Password', { hidden: true });
    await screen.waitFor('Password: ');
    screen.enter('s3cret pass');
    await expect(answer).resolves.toBe('s3cret pass');
    expect(screen.raw).not.toContain('s3cret');
    console.prompt();
    screen.type(KEY.up);
    await tick();
    expect(console.line).toBe('help');
  });

  it('shows a default and returns it for an empty answer', async () => {
    const { screen, console } = open();
    const answer = console.ask('Requester', { defaultValue: 'OP1' });
    await screen.waitFor('Requester [OP1]: ');
    screen.enter();
    await expect(answer).resolves.toBe('OP1');
  });

  it('puts a half-typed line aside for a question asked meanwhile, and gives it back', async () => {
    const { screen, console } = open();
    console.setPrompt('OP1> ');
    console.prompt();
    screen.type('QW.CA');
    await screen.waitFor('OP1> QW.CA');
    const answer = console.ask('One-time code (TOTP)');
    await screen.waitFor('One-time code (TOTP): ');
    expect(console.line).toBe('');
    screen.enter('123456');
    await expect(answer).resolves.toBe('123456');
    await tick();
    expect(console.line).toBe('QW.CA');
  });

  it('cancels a question on Ctrl-C, clears a typed line on Ctrl-C, and reports Ctrl-C on an empty line', async () => {
    const { screen, console } = open();
    let interrupts = 0;
    console.onInterrupt(() => {
      interrupts += 1;
    });
    const answer = console.ask('Reason');
    await screen.waitFor('Reason: ');
    screen.type('half');
    screen.type(KEY.ctrlC);
    await expect(answer).rejects.toBeInstanceOf(InputCancelled);
    console.prompt();
    screen.type('QW.CA');
    screen.type(KEY.ctrlC);
    await tick();
    expect(console.line).toBe('');
    expect(interrupts).toBe(0);
    screen.type(KEY.ctrlC);
    await tick();
    expect(interrupts).toBe(1);
  });

  it('fails a pending question and tells its listeners when the input ends', async () => {
    const { screen, console } = open();
    let closed = false;
    console.onClose(() => {
      closed = true;
    });
    const answer = console.ask('Operator ID');
    screen.type(KEY.ctrlD);
    await expect(answer).rejects.toBeInstanceOf(InputClosed);
    expect(closed).toBe(true);
    await expect(console.ask('again')).rejects.toBeInstanceOf(InputClosed);
  });

  it('without line editing, prints on a fresh line and repeats the prompt', async () => {
    const { screen, console } = open(undefined, false);
    console.setPrompt('OP1> ');
    console.prompt();
    console.print('SM NCIC DOWN');
    expect(screen.text).toBe('OP1> \nSM NCIC DOWN\nOP1> ');
  });
});

describe('displayPosition', () => {
  it('counts rows and columns as readline does, escape sequences excluded', () => {
    expect(displayPosition('12345', 5)).toEqual({ rows: 1, cols: 0 });
    expect(displayPosition('\x1b[1mOP1\x1b[0m> ', 80)).toEqual({ rows: 0, cols: 5 });
    expect(displayPosition('abc', Number.POSITIVE_INFINITY)).toEqual({ rows: 0, cols: 3 });
  });
});
