import { describe, expect, it } from 'vitest';
import { DuplicateWindow, replayKey } from './duplicate-window.js';

describe('DuplicateWindow', () => {
  it('answers a resend within the window and forgets after it', () => {
    const window = new DuplicateWindow<string>(1000, 10);
    window.set('a', 'digest-1', 'first answer', 0);
    expect(window.lookup('a', 'digest-1', 999)).toEqual({ kind: 'resend', value: 'first answer' });
    expect(window.lookup('a', 'digest-1', 1001)).toEqual({ kind: 'new' });
  });

  it('tells a reused key (other content) from a resend (the same content)', () => {
    const window = new DuplicateWindow<string>(1000, 10);
    window.set('a', 'digest-1', 'first answer', 0);
    expect(window.lookup('a', 'digest-2', 10)).toEqual({ kind: 'reused', value: 'first answer' });
    expect(window.lookup('b', 'digest-1', 10)).toEqual({ kind: 'new' });
  });

  it('drops each expired entry at the next set, however long the window stood unchanged', () => {
    const window = new DuplicateWindow<number>(1000, 100);
    for (let i = 0; i < 10; i += 1) window.set(`k${i}`, 'd', i, i * 100);
    expect(window.size).toBe(10);
    window.set('late', 'd', 10, 1_450);
    // k0..k4 (times 0..400) are more than 1000 ms old at 1450; k5 (500) is not.
    expect(window.size).toBe(6);
    window.set('later', 'd', 11, 5_000);
    expect(window.size).toBe(1);
  });

  it('keeps at most the configured number of entries, dropping the oldest', () => {
    const window = new DuplicateWindow<number>(60_000, 3);
    for (let i = 0; i < 5; i += 1) window.set(`k${i}`, 'd', i, i);
    expect(window.size).toBe(3);
    expect(window.lookup('k0', 'd', 10)).toEqual({ kind: 'new' });
    expect(window.lookup('k4', 'd', 10)).toEqual({ kind: 'resend', value: 4 });
  });
});

describe('DuplicateWindow: one scope\'s share', () => {
  it('lets a scope that sends many transactions push out its own oldest entries, not another scope\'s', () => {
    const window = new DuplicateWindow<string>(60_000, 100, 3);
    window.set('victim-1', 'd', 'answer', 0, 'victim');
    for (let i = 0; i < 50; i += 1) window.set(`flood-${i}`, 'd', `flood ${i}`, i, 'flooder');
    expect(window.lookup('victim-1', 'd', 60)).toEqual({ kind: 'resend', value: 'answer' });
    expect(window.sizeOf('flooder')).toBe(3);
    expect(window.lookup('flood-46', 'd', 60)).toEqual({ kind: 'new' });
    expect(window.lookup('flood-49', 'd', 60)).toEqual({ kind: 'resend', value: 'flood 49' });
    expect(window.size).toBe(4);
  });

  it('forgets a scope once its entries expire', () => {
    const window = new DuplicateWindow<string>(1000, 100, 3);
    window.set('a', 'd', 'x', 0, 'scope');
    window.set('b', 'd', 'y', 2000, 'other');
    expect(window.sizeOf('scope')).toBe(0);
  });
});

describe('DuplicateWindow restored after a restart', () => {
  it('keeps each entry for the window counted from its own time, not from when it was restored', () => {
    const window = new DuplicateWindow<string>(600_000, 100);
    // Restored in the order they were first seen, each with its original time.
    window.set('old', 'd-old', 'first answer', 1_000, 'scope');
    window.set('recent', 'd-recent', 'second answer', 500_000, 'scope');
    const restart = 601_500;
    expect(window.lookup('old', 'd-old', restart)).toEqual({ kind: 'new' });
    expect(window.lookup('recent', 'd-recent', restart)).toEqual({ kind: 'resend', value: 'second answer' });
  });
});

describe('replayKey', () => {
  it('gives the key the switch keeps on disk, the same in every version', () => {
    expect(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1002' }, 'ID-1')).toBe('["terminal","LA01","OP1002","ID-1"]');
    expect(replayKey({ kind: 'link', peer: 'county-19', requestId: 'county-19:7:NCIC' }, 'ID-1')).toBe('["link","county-19","county-19:7:NCIC"]');
  });

  it('gives the same client message id a different key for each operator, terminal, gateway session and link', () => {
    const keys = [
      replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1002' }, 'ID-1'),
      replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1007' }, 'ID-1'),
      replayKey({ kind: 'terminal', terminal: 'LA02', operatorId: 'OP1002' }, 'ID-1'),
      replayKey({ kind: 'gateway', sessionId: 'session-a' }, 'ID-1'),
      replayKey({ kind: 'gateway', sessionId: 'session-b' }, 'ID-1'),
      replayKey({ kind: 'link', peer: 'county-19', requestId: 'ID-1' }, 'ID-1'),
      replayKey({ kind: 'link', peer: 'county-37', requestId: 'ID-1' }, 'ID-1'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps one key for the same operator at the same terminal (a new connection is the same scope)', () => {
    expect(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1002' }, 'ID-1'))
      .toBe(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1002' }, 'ID-1'));
  });

  it('cannot be made to collide by separators inside the parts', () => {
    expect(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1' }, 'X\u0000Y'))
      .not.toBe(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1\u0000X' }, 'Y'));
    expect(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1' }, 'X","Y'))
      .not.toBe(replayKey({ kind: 'terminal', terminal: 'LA01', operatorId: 'OP1","X' }, 'Y'));
  });
});
