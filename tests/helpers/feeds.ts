// What the feed and OPML tests share: their fixtures, and the FeedError a call must throw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FeedError } from '../../src/web/feeds/index.js';

export const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', 'feeds', name));

export function failure(run: () => unknown): FeedError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('no FeedError thrown');
}
