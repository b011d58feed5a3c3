// Worker thread of the parallel reader (parallel.ts): parses one byte range of an orders
// file into OrderBatches and posts them back, then says where it started and stopped.
//
// A range other than the first starts at a guess: the first line start after its nominal
// offset, found without knowing whether that line break is inside a quoted field. The
// main thread checks the guess against where the previous range stopped (it parsed up to
// there from a true record start) and has the range parsed again if they differ.

import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { isClose } from '../../threads.js';
import { Clock } from '../../time.js';
import { firstNonAscii } from '../encoding.js';
import { batchBuffers, OrderBatchBuilder, type OrderBatch } from './orders.js';
import { CsvScanner, LF, CR, MAX_FAST_RECORD, ScanStatus, cleanBytes, isBlankRaw, type ScanRecord } from './scan.js';
import type { RangeDone, RangeTask, WorkerMessage } from './parallel.js';

const READ = 1024 * 1024;

function post(m: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(m, transfer);
}

/**
 * First line start at or after `from`: just after an LF, or after a CR not followed by an LF
 * (every line ending ends a record, see scan.ts); `size` if none. A cut between the CR and
 * the LF of a CRLF is no line start.
 */
async function lineStartFrom(fh: import('node:fs/promises').FileHandle, from: number, size: number): Promise<number> {
  const buf = Buffer.allocUnsafe(64 * 1024);
  // The byte before `from` decides whether `from` itself is a line start.
  let pos = Math.max(0, from - 1);
  /** A CR was the last byte of the previous read (at pos - 1). */
  let crBefore = false;
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) return size;
    if (crBefore && buf[0] !== LF) return pos;
    for (let i = 0; i < bytesRead; i++) {
      const c = buf[i];
      if (c === LF) {
        if (pos + i + 1 >= from) return pos + i + 1;
      } else if (c === CR && i + 1 < bytesRead && buf[i + 1] !== LF) {
        if (pos + i + 1 >= from) return pos + i + 1;
      }
    }
    crBefore = buf[bytesRead - 1] === CR;
    pos += bytesRead;
  }
}

async function run(t: RangeTask): Promise<void> {
  const fh = await open(t.path, 'r');
  try {
    const start = t.resync ? await lineStartFrom(fh, t.from, t.size) : t.from;
    post({ type: 'start', k: t.k, start });
    const clock = new Clock(t.tz);
    const builder = new OrderBatchBuilder({
      cols: t.cols,
      labels: t.labels,
      clock,
      file: t.file,
      platform: t.platform,
      fileStem: t.fileStem,
      batchRows: t.batchRows,
    });
    const scanner = new CsvScanner(t.delimiter.charCodeAt(0), { line: 1 });
    let bufOffset = start;
    const send = (offset: number) => {
      const b: OrderBatch = builder.take();
      post({ type: 'batch', k: t.k, offset, batch: b }, batchBuffers(b));
    };
    // asciiOnly: where the first byte that is not ASCII is in the buffer scanned (Infinity: none
    // there), and the line start after the last record handled, where the range then stops.
    let nonAscii = Infinity;
    let lastAt = start;
    let lastLine = 1;
    let lastEmpty = 0;
    const onRecord = (rec: ScanRecord, line: number): boolean => {
      if (t.asciiOnly) {
        // The record just scanned ends at `pos`; those before it ended at or before that byte.
        if (scanner.pos > nonAscii) return true;
        lastAt = bufOffset + scanner.pos;
        lastLine = scanner.line;
        lastEmpty = scanner.emptyLines;
      }
      if (isBlankRaw(rec)) return false;
      builder.raw(rec, line);
      if (builder.full()) send(bufOffset + scanner.pos);
      return false;
    };
    let carry: Buffer | undefined;
    let pos = start;
    let done: RangeDone | undefined;
    // One read buffer and one for carried bytes + data, reused (the scanner copies what it keeps).
    const data = Buffer.allocUnsafe(READ);
    let work = Buffer.allocUnsafe(READ * 2);
    while (!done) {
      let n = 0;
      while (n < READ) {
        const { bytesRead } = await fh.read(data, n, READ - n, pos);
        if (bytesRead === 0) break;
        n += bytesRead;
        pos += bytesRead;
      }
      const final = n < READ;
      const chunk = data.subarray(0, n);
      let buf = chunk;
      if (carry) {
        const total = carry.length + n;
        if (work.length < total) work = Buffer.allocUnsafe(total * 2);
        carry.copy(work, 0);
        chunk.copy(work, carry.length);
        buf = work.subarray(0, total);
      }
      scanner.clean = cleanBytes(buf, final);
      if (t.asciiOnly) {
        const i = firstNonAscii(buf);
        nonAscii = i < 0 ? Infinity : i;
      }
      const st = scanner.scan(buf, 0, buf.length, final, onRecord, t.stopAt - bufOffset);
      const at = bufOffset + scanner.pos;
      const counts = { k: t.k, start, lines: scanner.line - 1, emptyLines: scanner.emptyLines };
      if (st === ScanStatus.Paused) {
        // The record holding the first byte that is not ASCII: the main thread goes on from the
        // line start before it once it knows the encoding.
        const bail = { offset: lastAt, line: lastLine, emptyLines: lastEmpty, ascii: true };
        done = { type: 'done', k: t.k, start, lines: lastLine - 1, emptyLines: lastEmpty, stop: lastAt, bail };
      } else if (st === ScanStatus.Stopped) done = { type: 'done', ...counts, stop: at };
      else if (st === ScanStatus.Done) done = { type: 'done', ...counts, stop: t.size };
      else if (st === ScanStatus.More && buf.length - scanner.pos <= MAX_FAST_RECORD) {
        carry = scanner.pos < buf.length ? Buffer.from(buf.subarray(scanner.pos)) : undefined;
        bufOffset = at;
      } else {
        // Something the scanner leaves to csv-parse: the main thread goes on from here.
        done = { type: 'done', ...counts, stop: at, bail: { offset: at, line: scanner.line, emptyLines: scanner.emptyLines } };
      }
    }
    if (builder.rows > 0) send(done.stop);
    post(done);
  } finally {
    await fh.close();
  }
}

parentPort!.on('message', (t: RangeTask) => {
  if (isClose(t)) return parentPort!.close(); // ends this thread once a range in progress is done (threads.ts)
  run(t).catch((e: unknown) => post({ type: 'error', k: t.k, message: (e as Error)?.stack ?? String(e) }));
});
