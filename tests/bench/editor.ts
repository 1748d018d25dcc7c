/**
 * Editor benchmarks: what one keystroke costs after the debounce — `analyse` (checkProfile with the bundled
 * includes and lint, run in the analysis worker) plus the diagnostic → marker mapping — on a 1,000-line
 * profile, clean and with an error, split by stage; and completion/hover on it. Printed by run.ts, never
 * asserted (target: keystroke → markers ≤ 5 ms).
 */
import { bundleReader, checkPolicy, IncludeCache, lintPolicy, parseProfile } from '../../src/apparmor/index.ts';
import { analyse, MAIN_FILE } from '../../src/ui/editor/analysis.ts';
import { completeAt } from '../../src/ui/editor/completion.ts';
import { hoverAt } from '../../src/ui/editor/hover.ts';
import { diagnosticsToMarkers } from '../../src/ui/editor/markers.ts';
import type { BenchResult } from './run.ts';

function thousandLineProfile(): string {
  const lines = ['#include <tunables/global>', '', 'profile big flags=(attach_disconnected) {', '  #include <abstractions/base>'];
  for (let i = 0; i < 1000; i++) {
    const kind = i % 6;
    if (kind === 0) lines.push(`  /srv/app${i}/** rw,`);
    else if (kind === 1) lines.push(`  deny /srv/app${i}/secret* w,`);
    else if (kind === 2) lines.push(`  /usr/lib/app${i}/{lib,bin}/*.so mr,`);
    else if (kind === 3) lines.push(`  owner @{HOME}/.cache/app${i}/[a-z]?* rwk,`);
    else if (kind === 4) lines.push(`  capability ${i === 502 ? 'chown' : 'net_bind_service'},`);
    else lines.push(`  network inet${i % 2 ? '6' : ''} stream,`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

// The tutorial's profile, the playground's default text.
const DENY_WRITE = '#include <tunables/global>\n\nprofile k8s-apparmor-example-deny-write flags=(attach_disconnected) {\n'
  + '  #include <abstractions/base>\n\n  file,\n\n  # Deny all file writes.\n  deny /** w,\n}\n';

/** Best of `runs` timings of `run`, after one warm-up (the editor re-checks the same document over and over). */
function best(run: () => void, runs = 20): number {
  run();
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    ms = Math.min(ms, performance.now() - start);
  }
  return ms;
}

/** @returns the editor rows of the benchmark table */
export function benchEditor(): BenchResult[] {
  const text = thousandLineProfile();
  // the analysis worker keeps one include cache for its lifetime; the first run fills it
  const includes = new IncludeCache();
  const keystroke = (source: string) => () => diagnosticsToMarkers(source, analyse(source, includes).diagnostics);
  // A rule missing its comma in the middle: the parser recovers and the rest is still checked.
  const broken = text.replace('  capability chown,', '  capability chown');
  const middle = text.indexOf('capability chown') + 'capability '.length;
  const start = performance.now();
  keystroke(text)();
  const cold = performance.now() - start;
  const policy = checkPolicy(text, { reader: bundleReader, fileName: MAIN_FILE, includes }).policy;
  const diagnostics = analyse(text, includes).diagnostics;
  return [
    { name: 'editor: keystroke → markers, 1,000-line profile (first run)', ms: cold },
    { name: 'editor: 1,000-line profile, parse only (best of 20)', ms: best(() => parseProfile(text)) },
    { name: 'editor: 1,000-line profile, parse+resolve+compile checks (best of 20)', ms: best(() => checkPolicy(text, { reader: bundleReader, fileName: MAIN_FILE, includes })) },
    { name: 'editor: 1,000-line profile, lint only (best of 20)', ms: best(() => lintPolicy(policy, { fileName: MAIN_FILE })) },
    { name: 'editor: 1,000-line profile, diagnostics → markers (best of 20)', ms: best(() => diagnosticsToMarkers(text, diagnostics)) },
    { name: 'editor: keystroke → markers, 1,000-line profile (best of 20)', ms: best(keystroke(text)) },
    { name: 'editor: keystroke → markers, 1,000-line profile with an error (best of 20)', ms: best(keystroke(broken)) },
    { name: 'editor: keystroke → markers, the tutorial deny-write profile (best of 20)', ms: best(keystroke(DENY_WRITE)) },
    { name: 'editor: completion after "capability " in a 1,000-line profile', ms: best(() => completeAt(text, middle)) },
    { name: 'editor: hover on a capability in a 1,000-line profile', ms: best(() => hoverAt(text, middle + 2)) },
  ];
}
