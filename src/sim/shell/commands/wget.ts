/**
 * `wget` 1.21.3 against the in-world services: resolve, connect (AppArmor `network inet stream`), fetch,
 * save through the process API (`-O FILE`, `-O -`, `-q`, `-t N`). A refused socket is a retryable connect
 * error for wget (CONERROR), so it tries `--tries` times (default 20) before "Giving up.", as http.c does.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { Output, strerror } from './support/output.ts';
import { parseUrl, resolveHost, serviceAt, tcpConnect, type Url } from './support/services.ts';

/** `wget --version` as the corpus VM printed it. */
export const WGET_VERSION = `GNU Wget 1.21.3 built on linux-gnu.

-cares +digest -gpgme +https +ipv6 +iri +large-file -metalink +nls 
+ntlm +opie +psl +ssl/gnutls 

Wgetrc: 
    /etc/wgetrc (system)
Locale: 
    /usr/share/locale 
Compile: 
    gcc -DHAVE_CONFIG_H -DSYSTEM_WGETRC="/etc/wgetrc" 
    -DLOCALEDIR="/usr/share/locale" -I. -I../../src -I../lib 
    -I../../lib -Wdate-time -D_FORTIFY_SOURCE=2 
    -I/usr/include/p11-kit-1 -DHAVE_LIBGNUTLS -DNDEBUG -g -O2 
    -ffile-prefix-map=/build/reproducible-path/wget-1.21.3=. 
    -fstack-protector-strong -Wformat -Werror=format-security 
    -DNO_SSLv2 -D_FILE_OFFSET_BITS=64 -g -Wall 
Link: 
    gcc -I/usr/include/p11-kit-1 -DHAVE_LIBGNUTLS -DNDEBUG -g -O2 
    -ffile-prefix-map=/build/reproducible-path/wget-1.21.3=. 
    -fstack-protector-strong -Wformat -Werror=format-security 
    -DNO_SSLv2 -D_FILE_OFFSET_BITS=64 -g -Wall -Wl,-z,relro -Wl,-z,now 
    -lpcre2-8 -luuid -lidn2 -lnettle -lgnutls -lz -lpsl ../lib/libgnu.a 

Copyright (C) 2015 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later
<http://www.gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Originally written by Hrvoje Niksic <hniksic@xemacs.org>.
Please send bug reports and questions to <bug-wget@gnu.org>.
`;

const LONG = {
  version: { key: 'V' }, quiet: { key: 'q' }, 'output-document': { key: 'O', argument: 'required' as const },
  tries: { key: 't', argument: 'required' as const }, 'no-verbose': { key: 'n' }, 'no-check-certificate': { key: 'k' },
  'server-response': { key: 'S' }, spider: { key: 's' }, timeout: { key: 'T', argument: 'required' as const },
};

/** The most connection attempts one run makes. */
const MAX_TRIES = 100;

type Fetch = { inv: Invocation; url: Url; output: Output; quiet: boolean; stamp: string };

/** The `wget` program. */
export const wgetCommand: CommandSpec = {
  name: 'wget',
  summary: 'the non-interactive network downloader',
  usage: 'wget [OPTION]... [URL]...',
  options: [
    { flag: '-V, --version', summary: 'display the version of Wget and exit' },
    { flag: '-q, --quiet', summary: 'quiet (no output)' },
    { flag: '-O, --output-document=FILE', summary: 'write documents to FILE', takesValue: true },
    { flag: '-t, --tries=NUMBER', summary: 'set number of retries to NUMBER (0 unlimits)', takesValue: true },
    { flag: '--no-check-certificate', summary: 'don\'t validate the server\'s certificate' },
  ],
  run(inv) {
    const args = parseArgs(inv, 'wget', { short: 'VqO:t:nT:S', long: LONG });
    if (isFailure(args)) return { ...args, exitCode: 2, stderr: args.stderr.replace(/\nTry .*\n$/, "\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n") };
    if (args.has('V')) return { stdout: WGET_VERSION, stderr: '', exitCode: 0 };
    if (args.operands.length === 0) return { stdout: '', stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exitCode: 1 };
    const output = new Output();
    if (inv.flavour === 'busybox') {
      for (const operand of args.operands) if (!busyboxFetch(inv, operand, args.value('O'), args.has('q'), output)) break;
      return output.result();
    }
    const stamp = new Date(inv.node.now()).toISOString().replace('T', ' ').slice(0, 19);
    // 0 and inf mean unlimited in wget; the simulator stops at MAX_TRIES (it cannot be interrupted)
    const asked = Number(args.value('t') ?? '20');
    const tries = Math.min(Number.isInteger(asked) && asked > 0 ? asked : MAX_TRIES, MAX_TRIES);
    for (const operand of args.operands) {
      const url = parseUrl(operand);
      if (url === undefined) {
        output.fail(`${operand}: Unsupported scheme.`, 1);
        continue;
      }
      const status = fetch({ inv, url, output, quiet: args.has('q'), stamp }, args.value('O'), tries, args.has('k'));
      if (status !== 0 && output.exitCode === 0) output.exitCode = status;
    }
    return output.result();
  },
};

function log(fetch: Fetch, text: string): void {
  if (!fetch.quiet) fetch.output.stderr += text;
}

function fetch(f: Fetch, target: string | undefined, tries: number, insecure: boolean): number {
  const { inv, url } = f;
  log(f, `--${f.stamp}--  ${url.text}\n`);
  const isLiteral = /^\d+(\.\d+){3}$/.test(url.host);
  if (!isLiteral) log(f, `Resolving ${url.host} (${url.host})... `);
  const resolved = resolveHost(inv, url.host);
  if (!resolved.ok) {
    log(f, resolved.reason === 'unknown' ? 'failed: Name or service not known.\n' : 'failed: Temporary failure in name resolution.\n');
    f.output.stderr += `wget: unable to resolve host address '${url.host}'\n`;
    return 4;
  }
  if (!isLiteral) log(f, `${resolved.address}\n`);
  const where = isLiteral ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${resolved.address}|:${url.port}`;
  for (let attempt = 1; attempt <= tries; attempt++) {
    if (attempt > 1) log(f, `--${f.stamp}--  (try:${String(attempt).padStart(2)})  ${url.text}\n`);
    log(f, `Connecting to ${where}... `);
    const connected = tcpConnect(inv, resolved.address, url.port);
    if (connected.ok) {
      log(f, 'connected.\n');
      return download(f, resolved.address, target, insecure);
    }
    if (connected.errno === 'ECONNREFUSED') return log(f, 'failed: Connection refused.\n'), 4;
    const reason = connected.errno === 'ETIMEDOUT' ? 'Connection timed out' : strerror(connected.errno);
    log(f, `failed: ${reason}.\n${attempt < tries ? 'Retrying.\n\n' : 'Giving up.\n\n'}`);
  }
  return 4;
}

function download(f: Fetch, address: string, target: string | undefined, insecure: boolean): number {
  const { inv, url } = f;
  const server = serviceAt(address)?.http[url.port];
  if (server === undefined) return 4;
  if (server.scheme === 'http' && url.scheme === 'https') {
    // the GnuTLS handshake meets a plain-HTTP answer
    log(f, 'GnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.\n');
    return 4;
  }
  if (server.scheme === 'https' && url.scheme === 'http') {
    // Go's TLS servers answer plain HTTP with a 400 (net/http: "Client sent an HTTP request to an HTTPS server.")
    log(f, `HTTP request sent, awaiting response... 400 Bad Request\n`);
    log(f, `${f.stamp} ERROR 400: Bad Request.\n\n`);
    return 8;
  }
  if (url.scheme === 'https') {
    // Debian builds wget with GnuTLS: gnutls.c ssl_check_certificate logs LOG_NOTQUIET (so -q hides it),
    // and --no-check-certificate only turns ERROR into WARNING and goes on
    const severity = insecure ? 'WARNING' : 'ERROR';
    log(f, `${severity}: The certificate of '${url.host}' is not trusted.\n${severity}: The certificate of '${url.host}' doesn't have a known issuer.\n`);
    if (!insecure) return 5;
  }
  const response = server.respond(url.path);
  log(f, `HTTP request sent, awaiting response... ${response.status} ${response.reason}\n`);
  if (response.status >= 400) {
    // http.c logs the HTTP error LOG_NOTQUIET: -q leaves only the exit status (8, server error)
    log(f, `${f.stamp} ERROR ${response.status}: ${response.reason}.\n\n`);
    return 8;
  }
  const type = response.headers.find(([k]) => k === 'Content-Type')?.[1] ?? 'text/html';
  log(f, `Length: ${response.body.length} [${type}]\n`);
  const file = target ?? freeName(inv, url.path.split('/').pop() || 'index.html');
  log(f, `Saving to: '${file === '-' ? 'STDOUT' : file}'\n\n`);
  if (file === '-') f.output.out(response.body);
  else {
    const written = inv.proc.writeFile(file, response.body);
    if (!written.ok) {
      f.output.stderr += `${file}: ${strerror(written.errno)}\n`;
      return 3;
    }
  }
  const size = response.body.length;
  log(f, `${(file === '-' ? '-' : file).padEnd(19).slice(0, 19)} 100%[===================>]     ${size}  --.-KB/s    in 0s      \n\n`);
  const saved = file === '-' ? `written to stdout [${size}/${size}]` : `'${file}' saved [${size}/${size}]`;
  log(f, `${f.stamp} (48.9 MB/s) - ${saved}\n\n`);
  return 0;
}

/** wget never overwrites: `index.html` exists → `index.html.1`, … */
function freeName(inv: Invocation, name: string): string {
  if (!inv.proc.lstat(name).ok) return name;
  let n = 1;
  while (inv.proc.lstat(`${name}.${n}`).ok) n++;
  return `${name}.${n}`;
}

/**
 * busybox wget.c: `Connecting to HOST (IP:PORT)`, `saving to`, the star bar, `'FILE' saved`; every failure
 * ends the run with status 1, and an existing file is never overwritten or renamed.
 */
function busyboxFetch(inv: Invocation, operand: string, target: string | undefined, quiet: boolean, output: Output): boolean {
  const fail = (message: string): boolean => (output.fail(`wget: ${message}`), false);
  const url = parseUrl(operand);
  if (url === undefined) return fail(`not an http or ftp url: ${operand}`);
  const resolved = resolveHost(inv, url.host);
  if (!resolved.ok) return fail(`bad address '${url.host}'`);
  const hostText = /:\d+$/.test(operand.replace(/^[a-z]+:\/\//, '').split('/')[0] ?? '') ? `${url.host}:${url.port}` : url.host;
  if (!quiet) output.stderr += `Connecting to ${hostText} (${resolved.address}:${url.port})\n`;
  const connected = tcpConnect(inv, resolved.address, url.port);
  if (!connected.ok) {
    if (connected.errno === 'ECONNREFUSED') return fail(`can't connect to remote host (${resolved.address}): Connection refused`);
    if (connected.errno === 'ETIMEDOUT') return fail(`can't connect to remote host (${resolved.address}): Connection timed out`);
    // libbb xsocket() with VERBOSE_RESOLUTION_ERRORS, as the busybox image is built
    return fail(`socket(AF_INET,1,0): ${strerror(connected.errno)}`);
  }
  const server = serviceAt(resolved.address)?.http[url.port];
  if (server === undefined || server.scheme !== url.scheme) return fail('error getting response: Connection reset by peer');
  const response = server.respond(url.path);
  if (response.status >= 400) return fail(`server returned error: HTTP/1.1 ${response.status} ${response.reason}`);
  const file = target ?? (url.path.split('/').pop() || 'index.html');
  const toStdout = file === '-';
  if (!toStdout) {
    const written = inv.proc.writeFile(file, response.body, { exclusive: target === undefined });
    if (!written.ok) return fail(`can't open '${file}': ${strerror(written.errno)}`);
  } else output.out(response.body);
  if (!quiet) {
    const name = (toStdout ? '-' : (file.split('/').pop() ?? file)).padEnd(20);
    output.stderr += `${toStdout ? 'writing to stdout' : `saving to '${file}'`}\n`;
    output.stderr += `${name} 100% |${'*'.repeat(32)}| ${String(response.body.length).padStart(5)}  0:00:00 ETA\n`;
    output.stderr += toStdout ? 'written to stdout\n' : `'${file}' saved\n`;
  }
  return true;
}
