// `gigaudit rules`, `explain`, `rulesets`: what the auditor checks and on what legal basis.
import Table from 'cli-table3';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { loadLaw } from '../law/index.js';
import type { Law, ParamValue } from '../law/types.js';
import { findRule, RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { formatDay, parseIsoDay } from '../time.js';
import { PLAIN_TABLE } from '../reporters/table.js';
import { defaultLang, type Io } from './io.js';

function parameterNames(rule: Rule): string[] {
  const shape = (rule.parameters as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The tier of the ruleset's own region (none for a province spanning tiers: values shown whole). */
const tierOf = (law: Law, rulesetId: string) => law.defaultJurisdiction(rulesetId)?.tier;

/** A ruleset parameter a rule applies (Rule.lawParameters) as of a day. */
function lawParamAt(law: Law, rulesetId: string, key: string, day: number): unknown {
  const inForce = law.paramHistory(rulesetId, key, tierOf(law, rulesetId)).filter((v) => v.since <= day);
  return inForce[inForce.length - 1]?.value;
}

function langOf(o: { lang?: string }, io: Io) {
  const lang = o.lang ?? defaultLang(io.env);
  if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang must be zh or en');
  return lang;
}

function rulesetOf(law: Law, id: string) {
  if (!law.ruleset(id)) throw new UsageError(`unknown ruleset "${id}" (see \`gigaudit rulesets\`)`);
  return id;
}

export function registerInfo(program: Command, io: Io) {
  program
    .command('rules')
    .description('list rules: id, severity, parameters as of a date, basis')
    .option('--ruleset <id>', 'jurisdiction', 'cn')
    .option('--date <date>', 'parameters as of this day (YYYY-MM-DD; default today)')
    .option('--lang <lang>', 'zh|en')
    .option('--json', 'machine-readable')
    .action((o) => {
      const law = loadLaw();
      const lang = langOf(o, io);
      const id = rulesetOf(law, o.ruleset);
      const day = o.date === undefined ? parseIsoDay(new Date().toISOString().slice(0, 10))! : parseIsoDay(o.date);
      if (day === undefined) throw new UsageError(`--date expects YYYY-MM-DD, got "${o.date}"`);
      const rows = RULES.map((r) => {
        const s = law.ruleSettings(id, r.id);
        const params = Object.fromEntries([
          ...parameterNames(r).map((n) => [n, law.ruleParam(id, r.id, n, day)?.value]),
          ...(r.lawParameters ?? []).map((k) => [k, lawParamAt(law, id, k, day)]),
        ]);
        return { id: r.id, title: r.title[lang], severity: s.severity ?? r.defaultSeverity, enabled: s.enabled, parameters: params, basis: s.basis };
      });
      if (o.json) return io.stdout(`${JSON.stringify({ ruleset: id, asOf: formatDay(day), rules: rows }, null, 2)}\n`);
      const t = new Table({ head: ['id', lang === 'zh' ? '级别' : 'severity', lang === 'zh' ? '参数' : 'parameters', lang === 'zh' ? '依据' : 'basis'], wordWrap: true, colWidths: [34, 10, 30, 50], style: PLAIN_TABLE });
      for (const r of rows) {
        t.push([
          `${r.id}\n${r.title}`,
          r.enabled ? r.severity : 'off',
          Object.entries(r.parameters).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n'),
          r.basis.map((b) => (b.clause ? `${b.document} ${b.clause}` : b.document)).join('\n'),
        ]);
      }
      io.stdout(`${id} @ ${formatDay(day)}\n${t.toString()}\n`);
    });

  program
    .command('explain')
    .description('what a rule checks, how, its parameters over time and their sources')
    .argument('<rule>', 'rule id, e.g. minimum-wage')
    .option('--ruleset <id>', 'jurisdiction', 'cn')
    .option('--lang <lang>', 'zh|en')
    .action((ruleId: string, o) => {
      const rule = findRule(ruleId);
      if (!rule) throw new UsageError(`unknown rule "${ruleId}" (see \`gigaudit rules\`)`);
      const law = loadLaw();
      const lang = langOf(o, io);
      const id = rulesetOf(law, o.ruleset);
      const s = law.ruleSettings(id, rule.id);
      const lines = [`${rule.id} — ${rule.title[lang]}`, '', rule.description[lang], ''];
      lines.push(`${lang === 'zh' ? '默认级别' : 'Severity'}: ${s.severity ?? rule.defaultSeverity}${s.enabled ? '' : ' (off)'}`);
      lines.push(`${lang === 'zh' ? '依据' : 'Basis'}:`);
      for (const b of s.basis) lines.push(`  - ${b.document}${b.clause ? ` ${b.clause}` : ''}`);
      const names = parameterNames(rule);
      const lawKeys = rule.lawParameters ?? [];
      if (names.length || lawKeys.length) lines.push(`${lang === 'zh' ? '参数（按生效日期）' : 'Parameters (by effective date)'}:`);
      const line = (n: string, v: ParamValue) =>
        `  - ${n} = ${JSON.stringify(v.value)} ${lang === 'zh' ? '自' : 'from'} ${formatDay(v.since)} [${v.rulesetId}] ${v.verified ? '' : lang === 'zh' ? '(未确认) ' : '(unconfirmed) '}${v.source}`;
      for (const n of names) for (const v of law.ruleParamSeries(id, rule.id, n)) lines.push(line(n, v));
      for (const k of lawKeys) for (const v of law.paramHistory(id, k, tierOf(law, id))) lines.push(line(k, v));
      io.stdout(`${lines.join('\n')}\n`);
    });

  program
    .command('rulesets')
    .description('list jurisdictions, their documents and regions')
    .option('--lang <lang>', 'zh|en')
    .option('--json', 'machine-readable')
    .action((o) => {
      const law = loadLaw();
      const lang = langOf(o, io);
      if (o.json) return io.stdout(`${JSON.stringify(law.rulesets, null, 2)}\n`);
      const lines: string[] = [];
      for (const r of law.rulesets) {
        lines.push(`${r.id}@${r.version}  ${r.name[lang]}${r.extends ? `  (extends ${r.extends})` : ''}`);
        for (const d of r.documents) lines.push(`  · ${d.id}${d.title ? ` ${d.title}` : ''}${d.date ? ` (${d.date})` : ''}`);
        if (r.regions.length) lines.push(`  ${lang === 'zh' ? '地区' : 'regions'}: ${r.regions.join('、')}`);
      }
      io.stdout(`${lines.join('\n')}\n`);
    });
}
