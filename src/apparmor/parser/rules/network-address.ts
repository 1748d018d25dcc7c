/**
 * Validation of the 4.x+ fine-grained network conditionals `ip=` and `port=` (`network.cc`): IPv4/IPv6
 * addresses with an optional `/prefix` or an `a-b` range of the same family, ports 0..65535 or `a-b` ranges.
 */

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const head = group(halves[0] ?? '');
  const tail = halves.length === 2 ? group(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<number>(Math.max(0, missing)).fill(0), ...tail];
}

type Address = { family: 4 | 6; words: number[] };

function parseAddress(text: string): Address | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, words: v4 };
  const v6 = parseIpv6(text);
  return v6 ? { family: 6, words: v6 } : undefined;
}

function compareWords(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/**
 * @param text - an `ip=` value
 * @returns true when apparmor_parser 4.x+ accepts it
 * @example isValidIpCondition('192.168.0.1/33') // → false
 */
export function isValidIpCondition(text: string): boolean {
  if (text === 'none') return true;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const address = parseAddress(text.slice(0, slash));
    const prefix = text.slice(slash + 1);
    return address !== undefined && /^[0-9]+$/.test(prefix) && Number(prefix) <= (address.family === 4 ? 32 : 128);
  }
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const from = parseAddress(text.slice(0, dash));
    const to = parseAddress(text.slice(dash + 1));
    return from !== undefined && to !== undefined && from.family === to.family && compareWords(from.words, to.words) <= 0;
  }
  return parseAddress(text) !== undefined;
}

/**
 * @param text - a `port=` value
 * @returns true when apparmor_parser 4.x+ accepts it
 * @example isValidPortCondition('443-80') // → false
 */
export function isValidPortCondition(text: string): boolean {
  const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(text);
  if (!m) return false;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= 65535 && to <= 65535 && from <= to;
}
