// Guards the built extension against reachable dynamic code (eval, Function constructor, string
// timers) in every script of the Chrome MV3 and Firefox MV2 builds. Lives with the e2e tests
// because it needs the real builds.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildExtension, type BuildTarget } from './harness.ts';
import { findDynamicCode, formatFindings, scanBuildForDynamicCode } from './bundle-scan.ts';

describe('dynamic code patterns', () => {
  // Samples written for this test; the rule ids that each one must raise.
  const flagged: Array<[string, string[]]> = [
    ['var v=eval("("+s+")")', ['eval']],
    ['return eval (text)||{}', ['eval']],
    ['x=globalThis.eval(code)', ['eval']],
    ['x=(0,eval)(code)', ['indirect-eval']],
    ['x=(0, window.eval)(code)', ['indirect-eval']],
    ['return new Function(a,"return "+b)', ['new-Function']],
    ['f=new window.Function("x","return x")', ['new-Function']],
    ['g=Function("return this")()', ['Function-call']],
    ['g=self.Function("return this")()', ['Function-call']],
    ['h=(async function(){}).constructor("await 1")', ['constructor-string']],
    ['setTimeout("tick()",10)', ['timer-string']],
    ['window.setInterval(`poll()`,1e3)', ['timer-string']],
  ];
  test.each(flagged)('flags %s', (source, rules) => {
    expect(findDynamicCode(source).map((f) => f.rule)).toEqual(rules);
  });

  const harmless = [
    'await worker.evaluate(()=>1)',
    'if(isFunction(x))return',
    'myeval(x);o.eval(y);a.retrieval(z)',
    'typeof x=="function"&&x();Function.prototype.call.bind(f)',
    'x instanceof Function',
    'new FunctionCache();makeFunction(1);Function$1(2)',
    'class A{constructor(a){super(a)}}',
    'setTimeout(()=>run(),0);setTimeout(run,5);clearTimeout(t)',
    'el.setAttribute("data-eval","1")',
  ];
  test.each(harmless)('does not flag %s', (source) => {
    expect(findDynamicCode(source)).toEqual([]);
  });

  test('reports file, line, column and a snippet', () => {
    const [finding] = findDynamicCode('let a=1;\nlet b=eval("2");', 'chunks/x.js');
    expect(finding).toMatchObject({ file: 'chunks/x.js', rule: 'eval', line: 2, column: 7 });
    expect(finding?.snippet).toContain('eval("2")');
  });
});

describe.each<BuildTarget>(['chrome', 'firefox'])('%s build', (target) => {
  test('ships no dynamic code evaluation', async () => {
    const dir = await buildExtension(target);
    const { files, findings } = await scanBuildForDynamicCode(dir);
    // An empty or half-written build would pass vacuously.
    expect(files).toContain('background.js');
    if (findings.length > 0) {
      console.error(`[bundle-safety] dynamic code in ${dir}:\n${formatFindings(findings)}`);
    }
    expect(findings, formatFindings(findings)).toEqual([]);
  });

  test('bundles gray-matter with our YAML engine only, and gives it Buffer', async () => {
    const dir = await buildExtension(target);
    const background = await readFile(join(dir, 'background.js'), 'utf8');
    // gray-matter's own error text proves it is in the background bundle (the parser runs there)…
    expect(background).toContain('is not registered');
    // …without js-yaml, which the engines alias keeps out…
    expect(background).not.toMatch(/safeLoad|js\/function|JS-YAML/i);
    // …and with the Buffer polyfill installed before gray-matter reads it.
    expect(background).toMatch(/\.Buffer\s*===\s*(void 0|undefined)/);
  });

  test('keeps the parser out of the popup and the content script (they only read parsed postings)', async () => {
    const dir = await buildExtension(target);
    const { files } = await scanBuildForDynamicCode(dir);
    const others = files.filter((file) => file !== 'background.js' && file.endsWith('.js'));
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) {
      expect(await readFile(join(dir, file), 'utf8'), file).not.toContain('is not registered');
    }
  });
});
