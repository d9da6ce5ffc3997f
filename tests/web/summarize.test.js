import { describe, expect, it } from 'vitest';
import { countJUnit, countVitest } from '../../build-scripts/summarize-tests.mjs';

describe('test summary', () => {
  it('counts ctest JUnit results', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="(empty)" tests="4" failures="1" disabled="1" skipped="0">
  <testcase name="A.ok" classname="A.ok" time="0.01" status="run"><system-out>fine &lt;failure&gt; in text</system-out></testcase>
  <testcase name="A.bad" classname="A.bad" time="0.01" status="fail"><failure message="Failed"/><system-out>x</system-out></testcase>
  <testcase name="A.off" classname="A.off" time="0" status="disabled"><skipped message="Disabled"/></testcase>
  <testcase name="A.self" classname="A.self" time="0.01" status="run"/>
</testsuite>`;
    expect(countJUnit(xml)).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });

  it('counts Vitest JSON results, including a file that failed to load', () => {
    const json = JSON.stringify({
      numPassedTests: 3, numFailedTests: 1, numPendingTests: 1, numTodoTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] },
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    });
    expect(countVitest(json)).toEqual({ passed: 3, failed: 2, skipped: 1 });
  });
});
