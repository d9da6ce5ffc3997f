#!/usr/bin/env node
// Sums up the suites run by build-scripts/test.sh from their result files.
// Arguments: one `name=exitCode=resultFile` per suite; JUnit XML (ctest) or Vitest JSON by extension.
// Prints one line per suite (worded `name: passed N, failed M, skipped K`), then, as the last line, `tests: N passed, M failed`.
// Exits 1 if any test failed, a suite failed without a failing test (crash, build error, missing
// result file), or no test passed at all.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** ctest's JUnit: <testcase ... status="run|fail|notrun|disabled"> with <failure>/<skipped> children. */
export function countJUnit(xml) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  for (const testcase of cases) {
    const open = testcase.match(/<testcase\b[^>]*>/)[0];
    const status = open.match(/\bstatus="([^"]*)"/)?.[1];
    if (/<(failure|error)\b/.test(testcase) || status === 'fail') counts.failed++;
    else if (/<skipped\b/.test(testcase) || status === 'notrun' || status === 'disabled') counts.skipped++;
    else counts.passed++;
  }
  return counts;
}

/** Vitest's JSON reporter (Jest-compatible): a suite that failed to load has no tests but counts. */
export function countVitest(json) {
  const r = JSON.parse(json);
  const failedFiles = (r.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + failedFiles,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function summarize(specs) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const spec of specs) {
    const [name, rcText, ...rest] = spec.split('=');
    const file = rest.join('=');
    const rc = Number(rcText);
    let counts = { passed: 0, failed: 0, skipped: 0 };
    let note = '';
    if (file && existsSync(file)) {
      try {
        counts = file.endsWith('.xml') ? countJUnit(readFileSync(file, 'utf8')) : countVitest(readFileSync(file, 'utf8'));
      } catch (error) {
        note = `unreadable ${file}: ${error.message}`;
      }
    } else {
      note = `no result file ${file}`;
    }
    if (rc !== 0 && counts.failed === 0) {
      counts.failed = 1; // the suite failed outside any test (build, crash, no tests, timeout)
      note ||= `exited with ${rc} without a failing test`;
    }
    for (const key of Object.keys(total)) total[key] += counts[key];
    // Worded differently from the total on purpose: log readers look for "N passed, N failed".
    console.log(`  ${name}: passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}${note ? ` (${note})` : ''}`);
  }
  if (specs.length === 0) console.log('no suite ran');
  console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 || total.passed === 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = summarize(process.argv.slice(2));
}
