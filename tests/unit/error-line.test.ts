import { describe, expect, it } from 'vitest';
import { commanderErrorLine, errorLine } from '../../src/cli/errors.js';

describe('errorLine', () => {
  it('gives every error one prefix and one style', () => {
    expect(errorLine('Invalid query "x": why.')).toBe('news: invalid query "x": why');
    expect(errorLine('news: no article named x')).toBe('news: no article named x');
    // A name at the start keeps its capitals; an ellipsis keeps its dots.
    expect(errorLine('NEWS_DIR /x: no such folder')).toBe('news: NEWS_DIR /x: no such folder');
    expect(errorLine('stopped...')).toBe('news: stopped...');
  });
});

describe('commanderErrorLine', () => {
  it("turns commander's sentences and suggestions into that style", () => {
    expect(commanderErrorLine("error: unknown option '--lmit'\n(Did you mean --limit?)\n")).toBe("news: unknown option '--lmit'; did you mean '--limit'?");
    expect(commanderErrorLine("error: unknown command 'shw'\n(Did you mean one of show, how?)")).toBe(
      "news: unknown command 'shw'; did you mean 'show' or 'how'?",
    );
    expect(commanderErrorLine("error: option '--color <when>' argument 'x' is invalid. Allowed choices are auto, always, never.\n")).toBe(
      "news: option '--color <when>' argument 'x' is invalid: allowed choices are auto, always, never",
    );
    expect(commanderErrorLine("error: too many arguments for 'list'. Expected 0 arguments but got 1.")).toBe(
      "news: too many arguments for 'list': expected 0 arguments but got 1",
    );
  });
});
