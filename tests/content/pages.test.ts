// The docs pages themselves: frontmatter, internal links that resolve to real pages, and the words the
// site search is expected to find.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { contentSlug } from '../../src/content-slug.ts';
import { listMarkdown } from './fences.ts';

const contentDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');
const pages = listMarkdown(contentDir).map((path) => ({
  file: relative(contentDir, path).replaceAll('\\', '/'),
  text: readFileSync(path, 'utf8'),
}));
const docs = pages.filter((page) => page.file.startsWith('docs/'));

/** The site path a page is served at: `/docs/basics/what-is-apparmor/`, `/` for the index. */
function sitePath(file: string): string {
  const slug = contentSlug(file);
  return slug === 'index' ? '/' : `/${slug}/`;
}

/** Markdown link targets outside code fences and inline code. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
}

describe('docs pages', () => {
  it('exist in every sidebar group', () => {
    for (const group of ['01-basics', '02-language', '03-kubernetes', '04-reference']) {
      expect(docs.filter((page) => page.file.startsWith(`docs/${group}/`)).length, group).toBeGreaterThan(0);
    }
  });

  it('each have frontmatter that parses as YAML, with a title and a whole-sentence description', () => {
    // A ': ' or ' #' in an unquoted description breaks the YAML or silently cuts the text at a comment.
    const problems = docs.flatMap((page) => {
      const front = /^---\n([\s\S]*?)\n---\n/.exec(page.text)?.[1];
      if (front === undefined) return [`${page.file}: no frontmatter`];
      let data: unknown;
      try {
        data = parseYaml(front);
      } catch (error) {
        return [`${page.file}: ${String(error)}`];
      }
      const { title, description } = (data ?? {}) as { title?: unknown; description?: unknown };
      const issues: string[] = [];
      if (typeof title !== 'string' || title.trim() === '') issues.push(`${page.file}: no title`);
      if (typeof description !== 'string' || !description.trim().endsWith('.')) {
        issues.push(`${page.file}: description missing or cut short: ${String(description)}`);
      }
      return issues;
    });
    expect(problems).toEqual([]);
  });

  it('link only to pages that exist, with absolute paths', () => {
    const known = new Set(pages.map((page) => sitePath(page.file)));
    known.add('/');
    const broken = docs.flatMap((page) =>
      linksOf(page.text)
        .filter((href) => !/^(https?:|mailto:|#)/.test(href))
        .filter((href) => !known.has(href.replace(/#.*$/, '')))
        .map((href) => `${page.file} → ${href}`),
    );
    expect(broken).toEqual([]);
  });

  it('escape pipes inside inline code in tables, so cells are not split', () => {
    const bad = docs.flatMap((page) => splitTableCode(page.text).map((code) => `${page.file}: ${code}`));
    expect(bad).toEqual([]);
  });

  it('carry no placeholder text', () => {
    const placeholders = docs.filter((page) => /coming soon|\bTODO\b|lorem ipsum|\bTBD\b/i.test(page.text));
    expect(placeholders.map((page) => page.file)).toEqual([]);
  });

  it('mention the words learners search for', () => {
    const all = docs.map((page) => page.text).join('\n');
    for (const word of ['localhostProfile', 'aa-logprof', 'RuntimeDefault', 'apparmor_parser']) {
      expect(all, word).toContain(word);
    }
  });
});

/**
 * Table rows whose inline code holds an unescaped `|`: GitHub-flavoured Markdown splits the cell there
 * even inside backticks, so `O_CREAT|O_TRUNC` must be written `O_CREAT\|O_TRUNC` in a table.
 */
function splitTableCode(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  return prose
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .flatMap((line) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''))
    .filter((code) => /(?<!\\)\|/.test(code));
}

describe('the link finder', () => {
  it('finds Markdown links in prose but not in code', () => {
    const md = 'See [a](/docs/x/) and [b](#top "t").\n\n```md\n[c](/nope/)\n```\n`[d](/nope/)`\n';
    expect(linksOf(md)).toEqual(['/docs/x/', '#top']);
  });
});

describe('the table pipe check', () => {
  it('flags an unescaped pipe in table code and accepts an escaped one', () => {
    expect(splitTableCode('| a | `x|y` |\n| b | `x\\|y` |\n`p|q` outside a table\n')).toEqual(['x|y']);
  });
});
