/**
 * renderer/src/styles.css is written without CSS nesting: a rule opened inside another rule means a closing
 * brace is missing, which silently scopes every later rule under the unclosed one (it happened:
 * the Shared records and locked-section styles never applied). Braces must balance, and only
 * at-rules (@media, @supports) may hold rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The first problem with the sheet's blocks, or null. */
function nestingProblem(css: string): string | null {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const open: { atRule: boolean; line: number }[] = [];
  let prelude = '';
  let line = 1;
  for (const char of text) {
    if (char === '\n') line += 1;
    if (char === '{') {
      const atRule = prelude.trim().startsWith('@');
      const parent = open[open.length - 1];
      if (parent !== undefined && !parent.atRule) return `line ${line}: a rule inside the rule opened on line ${parent.line} (a missing "}")`;
      open.push({ atRule, line });
      prelude = '';
    } else if (char === '}') {
      if (open.pop() === undefined) return `line ${line}: a "}" with nothing open`;
      prelude = '';
    } else if (char === ';') {
      prelude = '';
    } else {
      prelude += char;
    }
  }
  const unclosed = open[open.length - 1];
  return unclosed === undefined ? null : `line ${unclosed.line}: a block never closed`;
}

describe('styles.css', () => {
  it('has balanced braces and no rule inside another rule', () => {
    expect(nestingProblem(readFileSync(new URL('../renderer/src/styles.css', import.meta.url), 'utf8'))).toBeNull();
  });

  it('finds the missing brace that once nested half the sheet', () => {
    expect(nestingProblem('.a {\n  color: red;\n.b {\n  color: blue;\n}\n')).toBe('line 3: a rule inside the rule opened on line 1 (a missing "}")');
    expect(nestingProblem('@media print {\n  .a { color: red; }\n}\n.b { color: blue; }')).toBeNull();
    expect(nestingProblem('.a { color: red; }\n}')).toBe('line 2: a "}" with nothing open');
  });
});
