// What `gigaudit merge` reads of a shard report, checked before anything is added up: a
// corrupted or hand-edited shard is refused with its file and key path, never merged into
// wrong totals or stopped by an internal error.
import { z } from 'zod';

const Count = z.number().int().nonnegative();
const Period = z.looseObject({ from: z.string(), to: z.string() });
const Counts = z.looseObject({ contract: Count, injury: Count, employees: Count, social: Count });

const Finding = z.looseObject({
  id: z.string().min(1),
  rule: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  workerId: z.string().optional(),
  platform: z.string().optional(),
  period: Period,
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});

export const ShardReportSchema = z.looseObject({
  schemaVersion: z.literal(1),
  tool: z.looseObject({ name: z.literal('gigaudit'), version: z.string() }),
  run: z.looseObject({ period: z.looseObject({}), inputs: z.array(z.looseObject({})), timezone: z.string(), startedAt: z.string(), finishedAt: z.string() }),
  summary: z.looseObject({ workers: Count, workerPlatforms: Count, findings: Count, byRule: z.record(z.string(), Count) }),
  findings: z.array(Finding),
  employment: z.looseObject({
    asOf: z.string(),
    workers: Count,
    workerPlatforms: Count,
    byRelation: z.record(z.string(), Count),
    counts: Counts,
    byPlatform: z.array(z.looseObject({ platform: z.string(), workerPlatforms: Count, counts: Counts })),
    overLimits: z.looseObject({ continuous: Count, daily: Count }),
    arrears: z.record(z.string(), z.number()),
  }),
  notAssessed: z.array(z.looseObject({ rule: z.string(), reason: z.string() })),
  rejected: z.array(z.looseObject({})),
  shard: z
    .looseObject({
      index: z.number().int().positive(),
      count: z.number().int().positive(),
      platformRules: z.array(z.string()),
      workerRanks: z.array(z.number().int().min(-1)),
    })
    .refine((s) => s.index <= s.count, { error: 'index must be from 1 to count' }),
});

/** The first problem of a report that is not a sound shard report: "key.path: message". */
export function shardProblem(report: unknown): string | undefined {
  const r = ShardReportSchema.safeParse(report);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${path || '(the report)'}: ${issue.message}`;
}
