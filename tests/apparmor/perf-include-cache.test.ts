// The include cache (ResolveOptions.includes): a shared cache must never change what resolution gives, and an
// edited include file must be parsed again.
import { describe, expect, it } from 'vitest';
import { bundleReader, checkPolicy, IncludeCache, type IncludeReader } from '../../src/apparmor/index.ts';

const PROFILE = '#include <tunables/global>\nprofile p {\n  #include <abstractions/base>\n  /tmp/** rw,\n}\n';

function readerWith(files: Record<string, string>): IncludeReader {
  return { readFile: (path) => files[path], listDir: () => undefined };
}

describe('IncludeCache', () => {
  it('gives the same resolved policy and diagnostics as resolving without a cache, on first and later use', () => {
    const includes = new IncludeCache();
    const plain = checkPolicy(PROFILE, { reader: bundleReader });
    const first = checkPolicy(PROFILE, { reader: bundleReader, includes });
    const second = checkPolicy(PROFILE, { reader: bundleReader, includes });
    expect(first.policy).toEqual(plain.policy);
    expect(second.policy).toEqual(plain.policy);
    expect(second.diagnostics).toEqual(plain.diagnostics);
  });

  it('parses each included file once per cache however many profiles include it', () => {
    const includes = new IncludeCache();
    checkPolicy(PROFILE, { reader: bundleReader, includes });
    const size = includes.size;
    expect(size).toBeGreaterThan(1);
    checkPolicy(PROFILE.replace('/tmp/**', '/srv/**'), { reader: bundleReader, includes });
    expect(includes.size).toBe(size);
  });

  it('parses an include again when its text changed, so an edited file gives its new errors', () => {
    const includes = new IncludeCache();
    const text = 'profile p {\n  #include <local/p>\n}\n';
    const good = checkPolicy(text, { reader: readerWith({ '/etc/apparmor.d/local/p': '/tmp/x r,\n' }), includes });
    expect(good.diagnostics).toEqual([]);
    const bad = checkPolicy(text, { reader: readerWith({ '/etc/apparmor.d/local/p': '/tmp/x r\n' }), includes });
    expect(bad.diagnostics.map((d) => d.file)).toContain('/etc/apparmor.d/local/p');
    const again = checkPolicy(text, { reader: readerWith({ '/etc/apparmor.d/local/p': '/tmp/x r,\n' }), includes });
    expect(again.diagnostics).toEqual([]);
  });

  it('keeps a file parsed at top level apart from the same file parsed inside a profile', () => {
    const includes = new IncludeCache();
    const reader = readerWith({ '/etc/apparmor.d/x': '@{V}=/a\n' });
    const top = checkPolicy('#include <x>\nprofile p { @{V}/** r, }\n', { reader, includes });
    expect(top.diagnostics).toEqual([]);
    checkPolicy('profile p {\n  #include <x>\n}\n', { reader, includes });
    expect(includes.size).toBe(2);
  });
});
