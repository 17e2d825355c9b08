import { describe, expect, expectTypeOf, it } from 'vitest';
import { decideColor, decideFormat, decideTerminal } from '../../src/cli/terminal.js';
import type { Format } from '../../src/render/format.js';
import { nearest } from '../../src/text/suggest.js';

const tty = { isTTY: true, columns: 150, rows: 40 };
const pipe = { isTTY: false, columns: undefined, rows: undefined };

describe('decideColor', () => {
  it('colours a terminal, not a pipe', () => {
    expect(decideColor('auto', {}, tty)).toBe(1);
    expect(decideColor('auto', {}, pipe)).toBe(0);
    expect(decideColor('auto', { TERM: 'dumb' }, tty)).toBe(0);
  });

  it('follows NO_COLOR and FORCE_COLOR, and --color above both', () => {
    expect(decideColor('auto', { NO_COLOR: '1' }, tty)).toBe(0);
    expect(decideColor('auto', { NO_COLOR: '' }, tty)).toBe(1);
    expect(decideColor('auto', { FORCE_COLOR: '1' }, pipe)).toBe(1);
    expect(decideColor('auto', { FORCE_COLOR: '0' }, tty)).toBe(0);
    expect(decideColor('auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, pipe)).toBe(1);
    expect(decideColor('always', { NO_COLOR: '1' }, pipe)).toBe(1);
    expect(decideColor('never', { FORCE_COLOR: '3' }, tty)).toBe(0);
    expect(decideColor('auto', { COLORTERM: 'truecolor' }, tty)).toBe(3);
  });
});

describe('decideTerminal', () => {
  it('wraps a terminal at its width, at most 100 columns, and pipes not at all', () => {
    expect(decideTerminal({ color: 'auto', plain: false, width: undefined }, {}, tty).width).toBe(100);
    expect(decideTerminal({ color: 'auto', plain: false, width: undefined }, {}, { ...tty, columns: 60 }).width).toBe(60);
    expect(decideTerminal({ color: 'auto', plain: false, width: undefined }, {}, pipe).width).toBeNull();
    expect(decideTerminal({ color: 'auto', plain: false, width: 40 }, {}, pipe).width).toBe(40);
  });

  it('--plain means no terminal layout and no colour on a terminal', () => {
    expect(decideTerminal({ color: 'auto', plain: true, width: undefined }, {}, tty)).toEqual({
      terminal: false,
      color: 0,
      width: null,
      rows: 40,
    });
  });
});

describe('nearest', () => {
  it('suggests names that contain the wanted one or are a few edits away', () => {
    const names = ['us-iran-is', 'uk-budget', 'iran-talks', 'storm-warning'];
    expect(nearest('us-iran', names)).toEqual(['us-iran-is']);
    expect(nearest('iran-tlaks', names)).toEqual(['iran-talks']);
    expect(nearest('zzzzzz', names)).toEqual([]);
  });
});

describe('decideFormat', () => {
  it('refuses --json with --format, takes --format over the terminal, and plain text in a pipe or with --plain', () => {
    expect(() => decideFormat({ json: true, format: '{slug}', plain: true }, tty)).toThrow('--json and --format cannot be used together');
    expect(decideFormat({ json: true, plain: true }, tty)).toBe('json');
    expect(decideFormat({ format: '{slug}', plain: true }, tty)).toBe('template');
    expect(decideFormat({ format: '{slug}' }, pipe)).toBe('template');
    expect(decideFormat({}, tty)).toBe('terminal');
    expect(decideFormat({ plain: true }, tty)).toBe('plain');
    expect(decideFormat({}, pipe)).toBe('plain');
  });

  it('chooses the terminal layout exactly when decideTerminal does', () => {
    for (const stdout of [tty, pipe]) {
      for (const plain of [false, true]) {
        const terminal = decideTerminal({ color: 'auto', plain, width: undefined }, {}, stdout).terminal;
        expect(decideFormat({ plain }, stdout) === 'terminal').toBe(terminal);
      }
    }
  });

  it('offers templates in its type only to commands with a --format flag', () => {
    expectTypeOf(decideFormat({ json: true as true | undefined }, pipe)).toEqualTypeOf<'terminal' | 'plain' | 'json'>();
    expectTypeOf(decideFormat({ format: undefined as string | undefined }, pipe)).toEqualTypeOf<Format>();
  });
});
