import { performance } from 'node:perf_hooks';
import type { AsyncMeasurement, Measurement } from './measurement';
import { measurements as albMeasurements } from './alb';
import { measurements as albLambdaMeasurements } from './alb-lambda';
import { measurements as iamMeasurements } from './iam';
import { measurements as iamSimulateMeasurements } from './iam-simulate';
import { measurements as languageMeasurements } from './language';
import { measurements as languageServerMeasurements } from './language-server';
import { measurements as runtimeMeasurements } from './runtime';
import { measurements as templateMeasurements } from './templates';
import { measurements as pythonMeasurements } from './runtime-python';
import { measurements as reloadMeasurements } from './runtime-reload';
import { measurements as statementSizeMeasurements } from './statement-size';

/** Every measurement; a capability adds its own file and lists it here. */
const suites: ReadonlyArray<ReadonlyArray<Measurement | AsyncMeasurement>> = [languageMeasurements, languageServerMeasurements, templateMeasurements, albMeasurements, albLambdaMeasurements, iamMeasurements, iamSimulateMeasurements, statementSizeMeasurements, runtimeMeasurements, pythonMeasurements, reloadMeasurements];

const minRounds = 15;
const minMillis = 1500;

interface Sample {
  ours: number;
  base: number;
}

/** Alternates ours and baseline so both see the same machine state; returns per-call medians in ms. */
async function sample(m: Measurement | AsyncMeasurement): Promise<Sample> {
  const time = async (fn: () => unknown) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  if ('setup' in m && m.setup) await m.setup();
  try {
    const prepare = 'beforeOurs' in m && m.beforeOurs ? m.beforeOurs : async () => {};
    await prepare();
    await time(m.ours);
    await time(m.base);
    const ours: number[] = [];
    const base: number[] = [];
    const deadline = performance.now() + minMillis;
    const rounds = ('minRounds' in m ? m.minRounds : undefined) ?? minRounds;
    while (ours.length < rounds || performance.now() < deadline) {
      await prepare();
      ours.push(await time(m.ours));
      base.push(await time(m.base));
      if (ours.length >= 1000) break;
    }
    return { ours: median(ours), base: median(base) };
  } finally {
    if ('teardown' in m && m.teardown) await m.teardown();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(1)} µs`;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const selected = suites.flat().filter((m) => !filter || m.name.includes(filter));
  console.log(`node ${process.version}, ${selected.length} measurement(s); medians of alternating runs\n`);
  for (const m of selected) {
    const { ours, base } = await sample(m);
    const ratio = ours / base;
    const target = m.target === undefined ? '' : ratio <= m.target ? `  (target ≤ ${m.target}: met)` : `  (target ≤ ${m.target}: MISSED)`;
    const throughput = m.opsPerCall ? `  ${Math.round((m.opsPerCall * 1000) / ours).toLocaleString('en')} ops/s` : '';
    const budget = m.overheadBudgetMs === undefined ? '' : `   overhead ${ms(ours - base)} (budget < ${ms(m.overheadBudgetMs)}: ${ours - base < m.overheadBudgetMs ? 'met' : 'MISSED'})`;
    console.log(`${m.name}\n  ours ${ms(ours)}${throughput}   baseline ${ms(base)} (${m.baseline})   ratio ${ratio.toFixed(2)}${target}${budget}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
