// The bundle as a file tree: the reader's behaviour, the include graph against Debian's manifest, the abi
// feature tree, and a check that our texts are our own (no comment of the GPL originals copied).
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_APPARMOR_D,
  BUNDLED_DIRECTORIES,
  bundleKey,
  bundleReader,
  listBundledDir,
  readBundledFile,
} from '../../src/apparmor/bundle/index.ts';
import { readConformanceJson, readConformanceText } from '../conformance/dir.ts';

type IncludeEdge = { target: string; if_exists?: boolean; abi?: boolean };
type Manifest = {
  closure: { nodes: Record<string, { type: 'file' | 'dir' | 'missing'; optional?: boolean }> };
  include_graph: Record<string, IncludeEdge[]>;
};

const manifest = (): Manifest => readConformanceJson<Manifest>('apparmor.d/manifest.json');

/** The includes and abi references of a policy file, as the manifest records them. */
function includesOf(text: string): IncludeEdge[] {
  const edges: IncludeEdge[] = [];
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#(?!include).*$/, '').trim();
    const abi = /^abi\s+<([^>]+)>\s*,/.exec(code);
    if (abi) edges.push({ target: abi[1] ?? '', abi: true });
    const include = /^#?include\s+(if\s+exists\s+)?<([^>]+)>/.exec(code);
    if (include) edges.push({ target: include[2] ?? '', if_exists: Boolean(include[1]) });
  }
  return edges;
}

const key = (edge: IncludeEdge): string => `${edge.abi ? 'abi' : edge.if_exists ? 'include if exists' : 'include'} <${edge.target}>`;

describe('bundleReader', () => {
  it('reads a bundled file by its path relative to /etc/apparmor.d', () => {
    expect(bundleReader.readFile('tunables/proc')).toContain('@{PROC}=/proc/');
    expect(readBundledFile('abstractions/base')).toBe(BUNDLED_APPARMOR_D.get('abstractions/base'));
  });

  it('reads the same file through an absolute path under /etc/apparmor.d, with doubled slashes folded', () => {
    expect(bundleReader.readFile('/etc/apparmor.d/tunables/proc')).toBe(BUNDLED_APPARMOR_D.get('tunables/proc'));
    expect(bundleReader.readFile('/etc/apparmor.d//abstractions//base')).toBe(BUNDLED_APPARMOR_D.get('abstractions/base'));
  });

  it('returns undefined for a missing file, a directory, or a path outside /etc/apparmor.d', () => {
    expect(bundleReader.readFile('abstractions/base.d')).toBeUndefined();
    expect(bundleReader.readFile('tunables/home.d')).toBeUndefined();
    expect(bundleReader.readFile('/etc/passwd')).toBeUndefined();
    expect(bundleKey('/etc/apparmor.dx/tunables/proc')).toBeUndefined();
  });

  it('lists a directory with its entry names, sorted', () => {
    expect(bundleReader.listDir('tunables/home.d')).toEqual(['site.local']);
    expect(listBundledDir('/etc/apparmor.d/tunables/multiarch.d/')).toEqual(['site.local']);
    expect(listBundledDir('')).toEqual(['abi', 'abstractions', 'tunables']);
    expect(listBundledDir('/etc/apparmor.d')).toEqual(['abi', 'abstractions', 'tunables']);
    const tunables = listBundledDir('tunables') ?? [];
    expect(tunables).toContain('home.d');
    expect(tunables).toContain('global');
    expect(tunables).toEqual([...tunables].sort());
  });

  it('lists the empty tunables/xdg-user-dirs.d as an existing, empty directory', () => {
    expect(bundleReader.listDir('tunables/xdg-user-dirs.d')).toEqual([]);
    expect(BUNDLED_DIRECTORIES).toContain('tunables/xdg-user-dirs.d');
  });

  it('returns undefined when listing a file or a missing directory', () => {
    expect(bundleReader.listDir('tunables/global')).toBeUndefined();
    expect(bundleReader.listDir('abstractions/base.d')).toBeUndefined();
    expect(bundleReader.listDir('tunables/etc.d')).toBeUndefined();
  });
});

describe('the bundle has the include closure of Debian apparmor 3.0.8', () => {
  it('has every file and directory of the tunables/global + abstractions/base closure, and none of the absent ones', () => {
    const nodes = Object.entries(manifest().closure.nodes);
    expect(nodes.length).toBeGreaterThan(15);
    for (const [path, node] of nodes) {
      if (node.type === 'file') expect(readBundledFile(path), path).toBeDefined();
      if (node.type === 'dir') expect(listBundledDir(path), path).toBeDefined();
      if (node.type === 'missing') {
        expect(readBundledFile(path), path).toBeUndefined();
        expect(listBundledDir(path), path).toBeUndefined();
      }
    }
  });

  it('has, in every bundled file, the same abi and include lines as the Debian file (in any order)', () => {
    const graph = manifest().include_graph;
    for (const [path, text] of BUNDLED_APPARMOR_D) {
      expect(graph[path], `${path} is not a Debian file`).toBeDefined();
      expect(includesOf(text).map(key).sort(), path).toEqual((graph[path] ?? []).map(key).sort());
    }
  });

  it('resolves every include that has no "if exists" inside the bundle itself', () => {
    for (const [path, text] of BUNDLED_APPARMOR_D) {
      for (const edge of includesOf(text).filter((e) => !e.if_exists)) {
        const found = readBundledFile(edge.target) !== undefined || listBundledDir(edge.target) !== undefined;
        expect(found, `${path}: ${key(edge)}`).toBe(true);
      }
    }
  });
});

type FeatureNode = { words: string[]; children: Map<string, FeatureNode> };

/** Reads the kernel's flattened features format (`name {words or children}`) into a tree. */
function parseFeatures(text: string): FeatureNode {
  const root: FeatureNode = { words: [], children: new Map() };
  const stack = [root];
  const tokens = text.match(/[^\s{}]+\s*\{|\}|[^\s{}]+/g) ?? [];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token === '}') {
      stack.pop();
    } else if (token.endsWith('{')) {
      const child: FeatureNode = { words: [], children: new Map() };
      top.children.set(token.slice(0, -1).trim(), child);
      stack.push(child);
    } else {
      top.words.push(token);
    }
  }
  expect(stack, 'unbalanced braces').toHaveLength(1);
  return root;
}

/** A canonical form: children sorted by name, each node's words as written. */
function canonical(node: FeatureNode): unknown {
  return {
    words: node.words,
    children: [...node.children.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, child]) => [name, canonical(child)]),
  };
}

describe('the bundled abi/3.0', () => {
  it('is the same feature tree as Debian abi/3.0, whatever the order of the areas', () => {
    const ours = parseFeatures(BUNDLED_APPARMOR_D.get('abi/3.0') ?? '');
    const theirs = parseFeatures(readConformanceText('apparmor.d/abi/3.0'));
    expect(theirs.children.size).toBeGreaterThan(10);
    expect(canonical(ours)).toEqual(canonical(theirs));
  });

  it('tells trees apart that differ by one word', () => {
    const abi = BUNDLED_APPARMOR_D.get('abi/3.0') ?? '';
    const changed = parseFeatures(abi.replace(' bpf\n', '\n'));
    expect(canonical(changed)).not.toEqual(canonical(parseFeatures(abi)));
  });
});

// The Debian files are GPL: our texts state the same facts in our own words. A copied comment line is the
// tell-tale of a copied file, so none of their comment sentences (five words or more) may appear in ours.
describe('the bundle is our own text', () => {
  const normalise = (line: string): string => line.replace(/^[\s#]+/, '').replace(/\s+/g, ' ').trim().toLowerCase();

  it('copies no comment sentence of the Debian files', () => {
    const ours = new Set([...BUNDLED_APPARMOR_D.values()].flatMap((text) => text.split('\n').map(normalise)));
    const copied: string[] = [];
    let checked = 0;
    for (const path of BUNDLED_APPARMOR_D.keys()) {
      if (path.startsWith('abi/')) continue;
      for (const line of readConformanceText(`apparmor.d/${path}`).split('\n')) {
        if (!/^\s*#/.test(line) || /^\s*#\s*include/.test(line)) continue;
        const sentence = normalise(line);
        if (sentence.split(' ').length < 5) continue;
        checked += 1;
        if (ours.has(sentence)) copied.push(`${path}: ${line.trim()}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(copied).toEqual([]);
  });

  it('carries no upstream copyright or licence header', () => {
    for (const [path, text] of BUNDLED_APPARMOR_D) {
      expect(text, path).not.toMatch(/copyright|free software foundation|novell|canonical ltd/i);
    }
  });

  it('opens every policy file with a comment naming it, for learners reading it on the node', () => {
    for (const [path, text] of BUNDLED_APPARMOR_D) {
      if (path.startsWith('abi/')) continue;
      expect(text.split('\n')[0], path).toMatch(new RegExp(`^# ${path.replace(/[.]/g, '\\.')}: \\S`));
    }
  });
});
