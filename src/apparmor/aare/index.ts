/**
 * The AARE engine's public entry: compile a glob once, then match, explain, and intersect. The same engine
 * serves file rules, attachments and non-path fields (peer labels, D-Bus names, `addr=@*`): `*` never
 * crosses `/` in any of them. Other modules of this folder are internal.
 */
export type { AareError, AareMatcher, AareOptions, MatchExplanation } from './types.ts';
export type { CompiledAare } from './match.ts';
export type { PatternType } from './convert.ts';
export { compileAare, MAX_AARE_LENGTH, type CompileAareResult } from './compile.ts';
export { scanAare, type AareScan } from './scan.ts';
export { aareIntersects, aareCommonExample, MAX_INTERSECT_PAIRS } from './intersect.ts';
