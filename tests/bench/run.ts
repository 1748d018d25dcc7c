/**
 * `npm run bench`: runs every benchmark function and prints one table. Performance targets live here as
 * printed figures, never as timed assertions in tests. To add one, append a function to BENCHES.
 */
import { benchAare } from './aare.ts';
import { benchEditor } from './editor.ts';
import { benchEvaluate } from './evaluate.ts';
import { benchKernel } from './kernel.ts';
import { benchPlayground } from './playground.ts';
import { benchShell } from './shell.ts';
import { benchWorld } from './world.ts';

/** One measured case. */
export type BenchResult = { name: string; ms: number };

const BENCHES: (() => BenchResult[])[] = [benchAare, benchEvaluate, benchKernel, benchShell, benchEditor, benchWorld, benchPlayground];

const rows = BENCHES.flatMap((bench) => bench());
const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${'benchmark'.padEnd(width)}  ms`);
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.ms.toFixed(3)}`);
