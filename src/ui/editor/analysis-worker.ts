/**
 * The editor's analysis off the main thread: receives `{ id, text }`, answers `{ id, analysis }`. Checking a
 * large profile (parse, includes, compile-time checks, lint) can take longer than a keystroke, and typing
 * must never wait for it.
 */
import { IncludeCache } from '../../apparmor/index.ts';
import { analyse, type Analysis } from './analysis.ts';

/** A request from the editor. */
export type AnalysisRequest = { id: number; text: string };

/** The worker's answer. */
export type AnalysisResponse = { id: number; analysis: Analysis };

type WorkerScope = { onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null; postMessage(message: AnalysisResponse): void };

const scope = globalThis as unknown as WorkerScope;
// the worker's one include cache: the bundled files never change, so each is parsed once per worker
const includes = new IncludeCache();
scope.onmessage = (event) => {
  scope.postMessage({ id: event.data.id, analysis: analyse(event.data.text, includes) });
};
