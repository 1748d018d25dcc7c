// The runtimes' default profiles are our own text (runtime.ts), written from the public templates' rules.
// They must compile to the same permissions as the real files in conformance/profiles (read, never copied):
// every one of the 45 typical paths of file-permissions-parser-3.0.8.json, and the same signal, ptrace,
// network and mount rules. (apparmor_parser 3.0.8 -S gives byte-identical binary policy for both.)
import { describe, expect, it } from 'vitest';
import { defaultProfileText } from '../../src/sim/cluster/runtime.ts';
import { compileText } from '../apparmor/evaluate-helpers.ts';
import { hasConformanceData, readConformanceJson, readConformanceText } from '../conformance/dir.ts';

type Table = { profiles: Record<string, { profile_name: string; paths: Record<string, unknown> }> };

const CASES = [
  { runtime: 'docker', file: 'docker-default', name: 'docker-default' },
  { runtime: 'containerd', file: 'cri-containerd.apparmor.d', name: 'cri-containerd.apparmor.d' },
] as const;

describe.runIf(hasConformanceData())('the runtimes\u2019 default profiles against the real templates', () => {
  const table = readConformanceJson<Table>('profiles/file-permissions-parser-3.0.8.json');
  for (const { runtime, file, name } of CASES) {
    it(`${name}: our text grants and denies exactly what the template does at every typical path`, () => {
      const ours = compileText(defaultProfileText(runtime)).byName.get(name);
      const theirs = compileText(readConformanceText(`profiles/${file}`)).byName.get(name);
      expect(ours).toBeDefined();
      const paths = Object.keys(table.profiles[file]?.paths ?? {});
      expect(paths.length).toBe(45);
      for (const path of paths) expect({ path, perms: ours?.file.lookup(path) }).toEqual({ path, perms: theirs?.file.lookup(path) });
    });

    it(`${name}: our text has the same non-file rules as the template`, () => {
      const kinds = (text: string): string[] => {
        const profile = compileText(text).byName.get(name);
        return (profile?.rules ?? []).filter((r) => r.ref.kind !== 'file').map((r) => `${r.effect} ${r.ref.kind}:${r.perms}`).sort();
      };
      expect([...new Set(kinds(defaultProfileText(runtime)))]).toEqual([...new Set(kinds(readConformanceText(`profiles/${file}`)))]);
    });
  }
});
