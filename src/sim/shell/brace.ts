// Brace expansion (`a{b,c}d` → `abd acd`, `{1..3}`), bash's first expansion, done on the raw word text
// before quotes are interpreted. Quoted braces and `${…}` are left alone, as in bash's braces.c.

/** Finds the end of a quoted or `$`-introduced span starting at `i`, or -1 when `i` starts none. */
function skipQuoted(raw: string, i: number): number {
  const c = raw[i];
  if (c === '\\') return i + 2;
  if (c === "'") {
    const end = raw.indexOf("'", i + 1);
    return end < 0 ? raw.length : end + 1;
  }
  if (c === '"' || c === '`') {
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j] === '\\') j++;
      else if (raw[j] === c) return j + 1;
    }
    return raw.length;
  }
  if (c === '$' && (raw[i + 1] === '{' || raw[i + 1] === '(')) {
    const open = raw[i + 1] as string;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j] === '\\') j++;
      else if (raw[j] === open) depth++;
      else if (raw[j] === close && --depth === 0) return j + 1;
    }
    return raw.length;
  }
  return -1;
}

/** The alternatives of the brace group at `open`, and its end; undefined when it is not a group. */
function readGroup(raw: string, open: number): { items: string[]; end: number } | undefined {
  let depth = 0;
  let start = open + 1;
  const items: string[] = [];
  for (let j = open; j < raw.length; ) {
    const skipped = skipQuoted(raw, j);
    if (skipped >= 0) {
      j = skipped;
      continue;
    }
    const c = raw[j];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      items.push(raw.slice(start, j));
      if (items.length > 1) return { items, end: j + 1 };
      const seq = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(items[0] ?? '');
      return seq === null ? undefined : { items: sequence(seq[1] as string, seq[2] as string, seq[3]), end: j + 1 };
    } else if (c === ',' && depth === 1) {
      items.push(raw.slice(start, j));
      start = j + 1;
    }
    j++;
  }
  return undefined;
}

function sequence(from: string, to: string, stepText: string | undefined): string[] {
  const isNumeric = /\d/.test(from) && /\d/.test(to);
  const a = isNumeric ? Number(from) : from.charCodeAt(0);
  const b = isNumeric ? Number(to) : to.charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(stepText ?? 1)) || 1);
  const width = isNumeric && (/^-?0\d/.test(from) || /^-?0\d/.test(to)) ? Math.max(from.length, to.length) : 0;
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
    out.push(isNumeric ? String(v).padStart(width, '0') : String.fromCharCode(v));
    if (out.length > 10_000) break;
  }
  return out;
}

/**
 * Expands braces in a raw word; a word without a valid group comes back unchanged.
 * @param raw the word as typed
 * @param budget how many more alternatives may be produced (shared across the recursion)
 * @returns one or more raw words
 * @example expandBraces('/etc/{a,b}.conf') // ['/etc/a.conf', '/etc/b.conf']
 */
export function expandBraces(raw: string, budget = { left: 10_000 }): string[] {
  for (let i = 0; i < raw.length; ) {
    const skipped = skipQuoted(raw, i);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    if (raw[i] === '{') {
      const group = readGroup(raw, i);
      if (group !== undefined && budget.left > 0) {
        const prefix = raw.slice(0, i);
        const suffix = raw.slice(group.end);
        budget.left -= group.items.length;
        return group.items.flatMap((item) => expandBraces(prefix + item + suffix, budget));
      }
    }
    i++;
  }
  return [raw];
}
