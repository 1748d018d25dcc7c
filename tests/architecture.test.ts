// The import boundaries of DESIGN.md §2, checked by scanning every import in src/. Each rule is also
// proven to fire once, on a synthetic file, so the test cannot pass by checking nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type SourceFile = { path: string; text: string };
type ImportRef = { specifier: string; isDynamic: boolean; isTypeOnly: boolean };

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Every import in a module: static, re-export and dynamic `import()`. */
export function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const staticRe = /^\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(staticRe)) {
    refs.push({ specifier: m[3] ?? '', isDynamic: false, isTypeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    refs.push({ specifier: m[1] ?? '', isDynamic: true, isTypeOnly: false });
  }
  return refs;
}

function frontmatterOf(astro: string): string {
  const m = /^---\n([\s\S]*?)\n---/.exec(astro);
  return m?.[1] ?? '';
}

function target(file: SourceFile, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(root, resolve(dirname(join(root, file.path)), specifier)).replaceAll('\\', '/');
}

const UI_ONLY_PACKAGES = /^(@xterm\/|monaco-editor)/;

/** Returns one message per boundary crossed in the given files (paths relative to the repo root). */
export function boundaryViolations(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const code = file.path.endsWith('.astro') ? frontmatterOf(file.text) : file.text;
    for (const ref of importsOf(code)) {
      const to = target(file, ref.specifier);
      const where = `${file.path} imports '${ref.specifier}'`;
      if (file.path.startsWith('src/apparmor/') && (to === undefined || !to.startsWith('src/apparmor/'))) {
        problems.push(`${where}: the engine imports only from src/apparmor (rule 1)`);
      }
      if (file.path.startsWith('src/sim/') && to?.startsWith('src/apparmor/') && to !== 'src/apparmor/index.ts') {
        problems.push(`${where}: the simulator uses the engine only through src/apparmor/index.ts (rule 2)`);
      }
      if ((file.path.startsWith('src/apparmor/') || file.path.startsWith('src/sim/')) && to?.startsWith('src/ui/')) {
        problems.push(`${where}: the dependency direction is apparmor ← sim ← ui (rule 2)`);
      }
      if (UI_ONLY_PACKAGES.test(ref.specifier) && !ref.isTypeOnly) {
        if (!file.path.startsWith('src/ui/')) problems.push(`${where}: xterm and Monaco appear only in src/ui (rule 3)`);
        else if (!ref.isDynamic) problems.push(`${where}: xterm and Monaco are loaded only by dynamic import() (rule 3)`);
      }
      if (file.path.endsWith('.astro') && to?.startsWith('src/ui/')) {
        problems.push(`${where}: .astro frontmatter never imports src/ui; emit the element tag instead (rule 4)`);
      }
    }
  }
  return problems;
}

/** Cycles among the engine's modules (rule 5), as the list of files on each cycle found. */
export function engineCycles(files: SourceFile[]): string[][] {
  const engine = new Map(files.filter((f) => f.path.startsWith('src/apparmor/')).map((f) => [f.path, f]));
  const edges = (path: string): string[] =>
    importsOf(engine.get(path)?.text ?? '')
      .filter((ref) => !ref.isTypeOnly)
      .map((ref) => target(engine.get(path)!, ref.specifier))
      .filter((to): to is string => to !== undefined && engine.has(to));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (path: string, stack: string[]): void => {
    state.set(path, 'open');
    for (const next of edges(path)) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), path, next]);
      else if (!state.has(next)) visit(next, [...stack, path]);
    }
    state.set(path, 'done');
  };
  for (const path of engine.keys()) if (!state.has(path)) visit(path, []);
  return cycles;
}

function sourceFiles(): SourceFile[] {
  return listFiles(join(root, 'src'))
    .filter((p) => /\.(ts|mts|astro)$/.test(p))
    .map((p) => ({ path: relative(root, p).replaceAll('\\', '/'), text: readFileSync(p, 'utf8') }));
}

describe('module boundaries (DESIGN.md §2)', () => {
  it('src/ crosses no boundary', () => {
    expect(boundaryViolations(sourceFiles())).toEqual([]);
  });

  it('the engine has no import cycles', () => {
    expect(engineCycles(sourceFiles())).toEqual([]);
  });

  it('flags the engine importing anything outside itself', () => {
    const files = [
      { path: 'src/apparmor/policy/evaluate.ts', text: "import { readFileSync } from 'node:fs';\nimport { x } from '../../sim/index.ts';\nimport y from 'yaml';\nimport { ok } from '../source.ts';\n" },
    ];
    const problems = boundaryViolations(files);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain("'node:fs'");
    expect(problems.join('\n')).toContain("'../../sim/index.ts'");
    expect(problems.join('\n')).toContain("'yaml'");
  });

  it('flags the simulator reaching past the engine facade, and static xterm or Monaco imports', () => {
    const problems = boundaryViolations([
      { path: 'src/sim/shell/shell.ts', text: "import { evaluate } from '../../apparmor/policy/evaluate.ts';\nimport { ok } from '../../apparmor/index.ts';\n" },
      { path: 'src/ui/terminal/aa-terminal.ts', text: "import { Terminal } from '@xterm/xterm';\nconst m = await import('@xterm/addon-fit');\n" },
      { path: 'src/pages/x.ts', text: "const m = await import('monaco-editor');\n" },
      { path: 'src/components/LabTerminal.astro', text: "---\nimport '../ui/terminal/aa-terminal.ts';\n---\n<aa-terminal></aa-terminal>\n" },
    ]);
    expect(problems).toHaveLength(4);
  });

  it('finds a cycle inside the engine', () => {
    const cycles = engineCycles([
      { path: 'src/apparmor/a.ts', text: "import { b } from './b.ts';" },
      { path: 'src/apparmor/b.ts', text: "import { a } from './a.ts';" },
    ]);
    expect(cycles).toHaveLength(1);
  });
});
