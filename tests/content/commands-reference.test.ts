// The commands reference page is the command registry's own description (DESIGN.md example #9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS_PAGE, commandsReferencePage } from './commands-reference.ts';
import { createWorld } from '../../src/sim/index.ts';

describe('the commands reference page', () => {
  it('is what the registry generates (run `node tests/content/commands-reference.ts` after changing a command)', () => {
    expect(readFileSync(COMMANDS_PAGE, 'utf8')).toBe(commandsReferencePage());
  });

  it('documents every command of a cluster world, kubectl included, aliases under their command', () => {
    const page = readFileSync(COMMANDS_PAGE, 'utf8');
    const names = createWorld({ cluster: { version: { major: 1, minor: 30 } } }).node.registry.names();
    expect(names).toContain('kubectl');
    expect(names.filter((name) => !page.includes(`## \`${name}\``) && !page.includes(`installed as \`${name}\``) && !page.includes(`, \`${name}\``))).toEqual([]);
  });
});
