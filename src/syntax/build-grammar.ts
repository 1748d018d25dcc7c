// Writes src/syntax/apparmor.tmLanguage.json from src/syntax/grammar/: `node src/syntax/build-grammar.ts`.
// tests/syntax/grammar-sync.test.ts fails when the committed JSON and this output differ.
import { writeFileSync } from 'node:fs';
import { createApparmorGrammar } from './grammar/apparmor-grammar.ts';

const target = new URL('./apparmor.tmLanguage.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(createApparmorGrammar(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
