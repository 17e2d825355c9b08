// The writer takes a lazy stream of files (a first build's plan, folder after
// folder), pulling files only as batches go out to be parsed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IndexedFile, ParseFiles } from '../../src/index/contracts.js';
import { createSchema } from '../../src/index/schema.js';
import { Writer } from '../../src/index/write.js';

describe('Writer.addInBatches', () => {
  it('pulls files from a lazy source a few batches ahead of what is written, across what would be folders', async () => {
    const db = new Database(':memory:');
    createSchema(db, JSON.stringify(['/library']));
    const writer = new Writer(db, ['/library']);
    let pulled = 0;
    function* files(): Generator<IndexedFile> {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { root: 0, rel: `f${i % 7}/a${i}.md`, size: 1, mtime: 1 };
      }
    }
    const aheadAtEachCall: number[] = [];
    let written = 0;
    const parse: ParseFiles = async (batch) => {
      aheadAtEachCall.push(pulled - written);
      return batch.map(() => ({ row: null, problems: [] }));
    };
    await writer.addInBatches(parse, files(), () => written++);
    expect(written).toBe(1000);
    expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(1000);
    // Never more than the batches in flight (four of 25, and the one being written) pulled ahead.
    expect(Math.max(...aheadAtEachCall)).toBeLessThanOrEqual(125);
    db.close();
  });
});
