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

  it("parses on its own thread while a worker's batch is pending, and writes every batch in the order its files came", async () => {
    const db = new Database(':memory:');
    createSchema(db, JSON.stringify(['/library']));
    const writer = new Writer(db, ['/library']);
    const rels = Array.from({ length: 600 }, (_, i) => `f${i % 5}/a${i}.md`);
    const files = rels.map((rel): IndexedFile => ({ root: 0, rel, size: 1, mtime: 1 }));
    // A slow worker: each batch is answered after a while.
    const atWorker: ParseFiles = (batch) => new Promise((resolve) => setTimeout(() => resolve(batch.map(() => ({ row: null, problems: [] }))), 15));
    let here = 0;
    await writer.addInBatches(
      atWorker,
      files,
      () => {},
      (batch) => {
        here += batch.length;
        return batch.map(() => ({ row: null, problems: [] }));
      },
    );
    expect(here).toBeGreaterThan(0);
    expect(here).toBeLessThan(rels.length);
    expect(db.prepare('SELECT rel FROM files ORDER BY id').pluck().all()).toEqual(rels);
    db.close();
  });
});
