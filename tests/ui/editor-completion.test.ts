// Completion and hover of the profile editor, computed without Monaco (src/ui/editor/completion.ts, hover.ts).
import { describe, expect, it } from 'vitest';
import { completeAt } from '../../src/ui/editor/completion.ts';
import { hoverAt } from '../../src/ui/editor/hover.ts';
import { analyse } from '../../src/ui/editor/analysis.ts';
import { blankComments, statementAt } from '../../src/ui/editor/statement-context.ts';

/** Completes at the `|` marker of a template. */
function labelsAt(template: string): string[] {
  const offset = template.indexOf('|');
  return completeAt(template.replace('|', ''), offset).items.map((i) => i.label);
}

function hoverOf(template: string, facts = {}): string | undefined {
  const offset = template.indexOf('|');
  return hoverAt(template.replace('|', ''), offset, facts)?.markdown;
}

describe('statementAt', () => {
  it('starts the statement after the last comma or brace, skipping comments and include lines', () => {
    const text = 'profile p {\n  #include <abstractions/base>\n  # deny, this\n  deny capability ne';
    expect(statementAt(text, text.length)).toMatchObject({ words: ['capability', 'ne'], qualifiers: ['deny'], partial: 'ne' });
  });

  it('blanks comments but keeps #include and the text length', () => {
    expect(blankComments('a, # b,\n#include <x>')).toBe('a,     \n#include <x>');
  });
});

describe('completeAt', () => {
  it('offers capabilities after "capability "', () => {
    const labels = labelsAt('profile p {\n  capability |\n}');
    expect(labels).toContain('net_admin');
    expect(labels).not.toContain('inet');
  });

  it('replaces the partial word being typed', () => {
    const text = 'profile p {\n  capability net_';
    expect(completeAt(text, text.length).range).toEqual([text.length - 4, text.length]);
  });

  it('offers rule keywords with snippets at the start of a statement', () => {
    const items = completeAt('profile p {\n  ', 14).items;
    expect(items.find((i) => i.label === 'capability')).toMatchObject({ isSnippet: true, insertText: 'capability ${1:net_admin},' });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['network', 'signal', 'ptrace', 'mount', 'unix', 'dbus', 'deny', 'owner', 'include']));
  });

  it('offers permissions and exec modes after a path', () => {
    const labels = labelsAt('profile p {\n  /usr/bin/curl |');
    expect(labels).toEqual(expect.arrayContaining(['r', 'rw', 'ix', 'Px', 'Cx', 'pix']));
  });

  it('offers families then types then protocols in a network rule', () => {
    expect(labelsAt('profile p { network |')).toEqual(expect.arrayContaining(['inet', 'inet6', 'netlink', 'stream']));
    expect(labelsAt('profile p { network inet |')).toEqual(expect.arrayContaining(['stream', 'dgram', 'tcp']));
    expect(labelsAt('profile p { network inet stream |')).toEqual(['tcp', 'udp', 'icmp']);
  });

  it('offers signal names inside set=( and permissions outside it', () => {
    expect(labelsAt('profile p { signal send set=(term, |')).toEqual(expect.arrayContaining(['kill', 'hup', 'usr1']));
    expect(labelsAt('profile p { signal |')).toEqual(expect.arrayContaining(['send', 'receive']));
    expect(labelsAt('profile p { ptrace |')).toEqual(expect.arrayContaining(['trace', 'read', 'tracedby', 'readby']));
    expect(labelsAt('profile p { unix |')).toEqual(expect.arrayContaining(['connect', 'bind', 'listen']));
    expect(labelsAt('profile p { dbus |')).toEqual(expect.arrayContaining(['send', 'eavesdrop']));
    expect(labelsAt('profile p { mount options=(|')).toEqual(expect.arrayContaining(['ro', 'nosuid', 'bind']));
  });

  it('offers bundled include paths inside include <', () => {
    const text = 'profile p {\n  #include <abs';
    const result = completeAt(text, text.length);
    expect(result.items.map((i) => i.label)).toContain('abstractions/base');
    expect(result.range).toEqual([text.length - 3, text.length]);
  });

  it('offers variables from the text and the bundled tunables after @{', () => {
    const labels = labelsAt('@{MINE}=/opt\nprofile p { @{|');
    expect(labels).toEqual(expect.arrayContaining(['@{MINE}', '@{HOME}', '@{PROC}']));
  });

  it('offers profile flags inside flags=(', () => {
    expect(labelsAt('profile p flags=(|')).toEqual(expect.arrayContaining(['complain', 'attach_disconnected', 'enforce']));
  });

  it('offers rlimit resources after set rlimit', () => {
    expect(labelsAt('profile p { set rlimit |')).toContain('nofile');
  });
});

describe('hoverAt', () => {
  it('explains the ix exec mode', () => {
    expect(hoverOf('profile p {\n  /bin/sh i|x,\n}')).toMatch(/^\*\*ix\*\* — inherit execute/);
  });

  it('explains a permission word letter by letter', () => {
    const markdown = hoverOf('profile p {\n  /bin/sh r|ix,\n}') ?? '';
    expect(markdown).toContain('**ix**');
    expect(markdown).toContain('**r** — read');
  });

  it('explains keywords, qualifiers and capabilities', () => {
    expect(hoverOf('profile p {\n  capa|bility chown,\n}')).toMatch(/^\*\*capability\*\*/);
    expect(hoverOf('profile p {\n  de|ny /x w,\n}')).toMatch(/^\*\*deny\*\* — .*quiet/);
    expect(hoverOf('profile p {\n  capability net_ad|min,\n}')).toMatch(/^\*\*CAP_NET_ADMIN\*\*/);
  });

  it('shows a variable\'s expanded values', () => {
    const text = '#include <tunables/global>\nprofile p { @{PROC}/ r, }';
    const { variables } = analyse(text);
    expect(hoverOf('#include <tunables/global>\nprofile p { @{PR|OC}/ r, }', { variables })).toContain('/proc/');
    expect(hoverOf('profile p { @{NO|PE}/ r, }')).toMatch(/not defined/);
  });

  it('lists what an include grants', () => {
    expect(hoverOf('profile p {\n  #include <abstractions/ba|se>\n}')).toMatch(/include <abstractions\/base>\*\* grants[\s\S]*\/dev\//);
    expect(hoverOf('profile p {\n  include <abstractions/no|ne>\n}')).toMatch(/not in the bundled/);
  });

  it('says nothing about a profile name', () => {
    expect(hoverOf('profile my|name {\n}')).toBeUndefined();
  });

  it('explains profile flags', () => {
    expect(hoverOf('profile p flags=(compl|ain) {}')).toMatch(/complain/);
  });
});
