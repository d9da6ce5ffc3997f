#!/usr/bin/env node
// Runs every libFuzzer target of build/fuzz for a bounded time and writes a JUnit XML file with one
// test case per target, failed when the target exits non-zero (a crash, a sanitizer report, a
// finding of the harness, a timeout or running out of memory); the failure holds the end of its
// output and the saved input.
//   node build-scripts/fuzz.mjs [result.xml] [target ...]    (default: build/test-results/fuzz.xml, all)
// FUZZ_SECONDS (default 12) is each target's time. A target starts from the committed seeds in
// tests/fuzz/corpus/<target> and from what earlier runs found (build/fuzz/corpus/<target>, the only
// directory libFuzzer writes new inputs to); a crashing input lands in build/fuzz/artifacts/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TARGETS = ['csv', 'optimizer', 'schedule', 'run', 'experiment'];
const DICTS = { csv: 'csv.dict' };

const [resultFile = join(root, 'build/test-results/fuzz.xml'), ...only] = process.argv.slice(2);
const seconds = Number(process.env.FUZZ_SECONDS ?? 12);
const build = join(root, 'build/fuzz');

const escape = (text) =>
  text
    // XML 1.0 allows no other control characters, even escaped; inputs may print anything.
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '?')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const cases = [];
for (const target of only.length ? only : TARGETS) {
  const binary = join(build, `fuzz_${target}`);
  const scratch = join(build, 'corpus', target);
  const artifacts = join(build, 'artifacts');
  mkdirSync(scratch, { recursive: true });
  mkdirSync(artifacts, { recursive: true });
  const args = [
    `-max_total_time=${seconds}`,
    '-timeout=10',
    '-rss_limit_mb=2048',
    '-max_len=4096',
    `-dict=${join(root, 'tests/fuzz', DICTS[target] ?? 'spec.dict')}`,
    `-artifact_prefix=${artifacts}/${target}-`,
    '-print_final_stats=1',
    scratch,
    join(root, 'tests/fuzz/corpus', target),
  ];
  const started = Date.now();
  let output;
  let status;
  if (!existsSync(binary)) {
    output = `${binary} is missing: build it with build-scripts/build.sh (drop --no-fuzz)`;
    status = 'missing';
  } else {
    console.log(`fuzz: ${target} for ${seconds} s`);
    const r = spawnSync(binary, args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' },
      timeout: (seconds + 120) * 1000,
    });
    output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
    status = r.status === 0 ? 'ok' : `exit ${r.status ?? r.signal}`;
  }
  const time = (Date.now() - started) / 1000;
  writeFileSync(join(build, `${target}.log`), output);
  const stats = output.match(/stat::number_of_executed_runs:\s*(\d+)/)?.[1];
  const corpus = [...output.matchAll(/corp: (\d+)\/(\S+)/g)].pop();
  console.log(
    `fuzz: ${target}: ${status} in ${time.toFixed(1)} s` +
      (stats ? `, ${stats} runs` : '') +
      (corpus ? `, corpus ${corpus[1]} inputs / ${corpus[2]}` : ''),
  );
  if (status !== 'ok') console.log(output.split('\n').slice(-60).join('\n'));
  cases.push({ target, time, status, output });
}

const failures = cases.filter((c) => c.status !== 'ok').length;
const xml = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  `<testsuite name="fuzz" tests="${cases.length}" failures="${failures}" time="${cases.reduce((t, c) => t + c.time, 0).toFixed(1)}">`,
  ...cases.map((c) => {
    const open = `  <testcase name="fuzz_${c.target}" classname="fuzz" time="${c.time.toFixed(1)}" status="${c.status === 'ok' ? 'run' : 'fail'}"`;
    if (c.status === 'ok') return `${open}/>`;
    const tail = c.output.split('\n').slice(-80).join('\n');
    return `${open}>\n    <failure message="fuzz_${c.target}: ${escape(c.status)}">${escape(tail)}</failure>\n  </testcase>`;
  }),
  '</testsuite>',
  '',
].join('\n');
mkdirSync(dirname(resultFile), { recursive: true });
writeFileSync(resultFile, xml);
process.exitCode = failures ? 1 : 0;
