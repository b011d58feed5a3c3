import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  Utf8Guard,
  damagedUtf8,
  detectEncoding,
  encodingFromName,
  firstNonAscii,
  utf8CompleteLength,
  utf8Evidence,
  utf8OrGb18030,
} from '../../src/read/encoding.js';
import { detectDelimiter } from '../../src/read/delimiter.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('detectEncoding', () => {
  it('UTF-8 with BOM', () => {
    const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('订单号,骑手ID\n')]);
    expect(detectEncoding(b, true)).toEqual({ encoding: 'utf-8', bomLength: 3, sniffed: true });
  });
  it('UTF-8 without BOM', () => {
    expect(detectEncoding(utf8('订单号,骑手ID\n'), true).encoding).toBe('utf-8');
  });
  it('plain ASCII is UTF-8', () => {
    expect(detectEncoding(utf8('order_id,worker_id\n'), true).encoding).toBe('utf-8');
  });
  it('GB18030 text is not valid UTF-8', () => {
    expect(detectEncoding(iconv.encode('订单号,骑手ID,接单时间\n', 'gb18030'), true).encoding).toBe('gb18030');
  });
  it('UTF-16 with BOM (Excel "Unicode text")', () => {
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toEqual({ encoding: 'utf-16le', bomLength: 2, sniffed: true });
  });
  it('a multi-byte character cut at the end of a partial sample is not an error', () => {
    const b = utf8('订单号');
    const cut = b.subarray(0, b.length - 1);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
    // but when the sample is the whole file, a cut character means it is not UTF-8
    expect(detectEncoding(cut, true).encoding).toBe('gb18030');
  });
  it('an override wins, and strips only its own BOM', () => {
    const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\n')]);
    expect(detectEncoding(b, true, 'utf-8')).toEqual({ encoding: 'utf-8', bomLength: 3, sniffed: false });
    expect(detectEncoding(b, true, 'gb18030')).toEqual({ encoding: 'gb18030', bomLength: 0, sniffed: false });
  });
});

describe('the decision at the first byte that is not ASCII', () => {
  it('firstNonAscii', () => {
    expect(firstNonAscii(utf8('abc,\n'))).toBe(-1);
    expect(firstNonAscii(utf8('ab订'))).toBe(2);
    expect(firstNonAscii(iconv.encode('x永', 'gbk'))).toBe(1);
  });
  it('utf8OrGb18030: GBK, a lone bad byte and a cut character; UTF-8 and damaged UTF-8', () => {
    expect(utf8OrGb18030(iconv.encode('永川区,美团\n', 'gbk'), true)).toBe('gb18030');
    expect(utf8OrGb18030(new Uint8Array([0xe9, 0x2c, 0x61]), true)).toBe('gb18030');
    expect(utf8OrGb18030(utf8('订单号').subarray(0, 4), true)).toBe('gb18030');
    expect(utf8OrGb18030(utf8('订单号').subarray(0, 4), false)).toBe('utf-8');
    expect(utf8OrGb18030(utf8('永川区,美团\n'), true)).toBe('utf-8');
    expect(utf8OrGb18030(Buffer.concat([Buffer.from([0xff]), Buffer.from('永川区,美团,重庆市\n')]), true)).toBe('utf-8');
  });
});

describe('encodingFromName', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['gb18030', 'gb18030'],
    ['GBK', 'gb18030'],
    ['gb2312', 'gb18030'],
    ['utf-16le', 'utf-16le'],
  ])('%s → %s', (n, e) => expect(encodingFromName(n)).toBe(e));
  it('refuses unknown names', () => expect(() => encodingFromName('latin9')).toThrow(UsageError));
});

describe('utf8CompleteLength', () => {
  it.each([
    ['abc', 0],
    ['订', 1],
    ['订', 2],
    ['a😀', 1],
    ['a😀', 3],
  ] as [string, number][])('%s minus %i bytes', (s, cut) => {
    const b = utf8(s);
    const part = b.subarray(0, b.length - cut);
    const firstChars = cut === 0 ? b.length : b.length - Buffer.from([...s].slice(-1).join('')).length;
    expect(utf8CompleteLength(part)).toBe(firstChars);
  });
});

describe('Utf8Guard', () => {
  it('accepts characters split across chunks', () => {
    const b = Buffer.from('订单号骑手', 'utf8');
    const g = new Utf8Guard();
    expect(g.check(b.subarray(0, 4))).toBe(true);
    expect(g.check(b.subarray(4, 8))).toBe(true);
    expect(g.check(b.subarray(8))).toBe(true);
    expect(g.finish()).toBe(true);
  });
  it('catches GBK bytes after a UTF-8 start', () => {
    const g = new Utf8Guard();
    expect(g.check(Buffer.from('abc\n'))).toBe(true);
    expect(g.check(iconv.encode('永川区', 'gb18030'))).toBe(false);
  });
  it('catches a truncated character at the end', () => {
    const g = new Utf8Guard();
    expect(g.check(Buffer.from('订', 'utf8').subarray(0, 2))).toBe(true);
    expect(g.finish()).toBe(false);
  });
});

// The guard once joined the cut character's bytes to the whole next chunk; it now checks
// that character on its own. This is the joined form, kept as the reference: every verdict,
// byte count and end-of-file answer must be the same for any text cut anywhere.
class JoinedGuard {
  private carry: Buffer | undefined;
  private multibyte = 0;
  private invalid = 0;
  checked = 0;
  check(chunk: Buffer): boolean {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const n = utf8CompleteLength(buf);
    const part = buf.subarray(0, n);
    if (isValid(part)) {
      if (this.multibyte < 64 && part.some((c) => c >= 0x80)) this.multibyte += utf8Evidence(part).multibyte;
    } else {
      const ev = utf8Evidence(part);
      this.multibyte += ev.multibyte;
      this.invalid += ev.invalid;
      if (!damagedUtf8(this.multibyte, this.invalid)) return false;
    }
    this.checked += n;
    this.carry = n < buf.length ? Buffer.from(buf.subarray(n)) : undefined;
    return true;
  }
  finish(): boolean {
    return this.carry === undefined || damagedUtf8(this.multibyte, this.invalid + 1);
  }
}
function isValid(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

describe('Utf8Guard against the joined reference', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pieces = ['订单', '永川区', 'abc,', '\n', '😀', 'é', '0', ' '];
  const text = (len: number, damage: number) => {
    const parts: Buffer[] = [];
    for (let i = 0; i < len; i++) {
      const r = rand(100);
      if (r < damage) parts.push(rand(2) ? Buffer.from([0x80 + rand(0x40)]) : iconv.encode('永川', 'gb18030'));
      else if (r < damage + 3) parts.push(Buffer.from('订', 'utf8').subarray(0, 1 + rand(2))); // a character cut short
      else parts.push(Buffer.from(pieces[rand(pieces.length)], 'utf8'));
    }
    return Buffer.concat(parts);
  };
  it.each([
    ['clean Chinese text', 0, 'accepted'],
    ['a few bad bytes', 1, 'both'],
    ['mostly damage', 40, 'rejected'],
  ])('%s: the same verdicts, counts and end, cut anywhere', (_name, damage, seen) => {
    let compared = 0;
    const verdicts = new Set<boolean>();
    for (let round = 0; round < 60; round++) {
      const b = text(40 + rand(400), damage);
      const g = new Utf8Guard();
      const ref = new JoinedGuard();
      for (let at = 0; at < b.length; ) {
        const next = Math.min(b.length, at + 1 + rand(round % 3 === 0 ? 4 : 40));
        const chunk = b.subarray(at, next);
        const v = g.check(chunk);
        expect(v).toBe(ref.check(chunk));
        expect(g.checked).toBe(ref.checked);
        compared++;
        if (!v) {
          verdicts.add(false);
          break;
        }
        if (at + chunk.length === b.length) verdicts.add(g.finish());
        at = next;
        if (at === b.length) expect(g.finish()).toBe(ref.finish());
      }
    }
    expect(compared).toBeGreaterThan(60);
    // The texts reach the verdicts the case is about (else it would compare nothing of interest).
    if (seen !== 'rejected') expect(verdicts.has(true)).toBe(true);
    if (seen !== 'accepted') expect(verdicts.has(false)).toBe(true);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n', '\t'],
    ['a;b;c\r\n', ';'],
    ['"a,x";b;c\n', ';'], // commas inside quotes do not count
    ['a,b;c\n', ','], // tie: comma
    ['\n\na;b\n', ';'], // leading blank lines
    ['a;b\nc,d,e,f,g\n', ';'], // only the header line counts
    ['"金额(元),说明"\tb\n', '\t'],
    ['single\n', ','],
  ])('%j → %j', (text, d) => expect(detectDelimiter(text)).toBe(d));
  it('.tsv files default to tab', () => {
    expect(detectDelimiter('single\n', true)).toBe('\t');
    expect(detectDelimiter('a,b\n', true)).toBe(',');
  });
});
