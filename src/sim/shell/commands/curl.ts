/**
 * `curl` 7.88 against the in-world services: the body to stdout (or `-o FILE` with the progress meter),
 * `-s`/`-S`, `-I` headers, `-i`, `-k`, `-f`, `-w`, and curl's numbered errors (6 resolve, 7 connect, 60 TLS).
 * Sockets go through the process API, so AppArmor `network` rules decide.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, parseArgs, type Args } from './support/args.ts';
import { Output, strerror } from './support/output.ts';
import { parseUrl, resolveHost, serviceAt, tcpConnect, type HttpResponse } from './support/services.ts';
import { expandWriteOut, type TransferInfo } from './support/write-out.ts';

const LONG = {
  silent: { key: 's' }, 'show-error': { key: 'S' }, output: { key: 'o', argument: 'required' as const }, head: { key: 'I' }, include: { key: 'i' },
  insecure: { key: 'k' }, fail: { key: 'f' }, location: { key: 'L' }, verbose: { key: 'v' }, 'max-time': { key: 'm', argument: 'required' as const },
  request: { key: 'X', argument: 'required' as const }, header: { key: 'H', argument: 'required' as const }, version: { key: 'V' },
  'write-out': { key: 'w', argument: 'required' as const },
};

const TLS_HELP = 'More details here: https://curl.se/docs/sslcerts.html\n\n'
  + 'curl failed to verify the legitimacy of the server and therefore could not\n'
  + 'establish a secure connection to it. To learn more about this situation and\n'
  + 'how to fix it, please visit the web page mentioned above.\n';

/** The `curl` program. */
export const curlCommand: CommandSpec = {
  name: 'curl',
  summary: 'transfer a URL',
  usage: 'curl [options...] <url>',
  options: [
    { flag: '-f, --fail', summary: 'Fail fast with no output on HTTP errors' },
    { flag: '-I, --head', summary: 'Show document info only' },
    { flag: '-i, --include', summary: 'Include protocol response headers in the output' },
    { flag: '-k, --insecure', summary: 'Allow insecure server connections' },
    { flag: '-o, --output <file>', summary: 'Write to file instead of stdout', takesValue: true },
    { flag: '-s, --silent', summary: 'Silent mode' },
    { flag: '-S, --show-error', summary: 'Show error even when -s is used' },
    { flag: '-w, --write-out <format>', summary: 'Use output FORMAT after completion', takesValue: true },
  ],
  run(inv) {
    const args = parseArgs(inv, 'curl', { short: 'sSo:IikfLvm:X:H:Vw:', long: LONG });
    if (isFailure(args)) {
      const option = /option '?(-[^' ]*)'?/.exec(args.stderr)?.[1] ?? '';
      return { stdout: '', stderr: `curl: option ${option}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
    }
    if (args.has('V')) return { stdout: 'curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13\nRelease-Date: 2023-02-20\nProtocols: http https\nFeatures: IPv6 Largefile SSL\n', stderr: '', exitCode: 0 };
    if (args.operands.length === 0) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    const output = new Output();
    for (const operand of args.operands) {
      const info: TransferInfo = { code: 0, url: operand, contentType: '', sizeDownload: 0, exitCode: 0, remoteIp: '', remotePort: 0 };
      const status = transfer(inv, operand, args, output, info);
      if (status !== 0) output.exitCode = status;
      const format = args.value('w');
      if (format !== undefined) {
        // tool_operate.c writes the -w text after each transfer, failed ones too (http_code 000)
        const written = expandWriteOut(format, { ...info, exitCode: status });
        output.out(written.stdout);
        output.stderr += written.stderr;
      }
    }
    return output.result();
  },
};

function error(args: Args, output: Output, code: number, message: string, extra = ''): number {
  if (!args.has('s') || args.has('S')) output.stderr += `curl: (${code}) ${message}\n${extra}`;
  return code;
}

function transfer(inv: Invocation, operand: string, args: Args, output: Output, info: TransferInfo): number {
  const url = parseUrl(operand);
  if (url === undefined) return error(args, output, 1, `Protocol "${operand.split(':')[0]}" not supported or disabled in libcurl`);
  info.url = url.text;
  const resolved = resolveHost(inv, url.host);
  if (!resolved.ok) return error(args, output, 6, `Could not resolve host: ${url.host}`);
  const connected = tcpConnect(inv, resolved.address, url.port);
  if (!connected.ok) {
    // curl 7.88 words a refused socket, a refused connect and a silent host alike
    return error(args, output, 7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  }
  info.remoteIp = resolved.address;
  info.remotePort = url.port;
  const server = serviceAt(resolved.address)?.http[url.port];
  if (server === undefined) return error(args, output, 7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  if (server.scheme === 'https' && url.scheme === 'http') return error(args, output, 52, 'Empty reply from server');
  if (server.scheme === 'http' && url.scheme === 'https') return error(args, output, 35, 'OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number');
  if (url.scheme === 'https' && !args.has('k')) return error(args, output, 60, 'SSL certificate problem: unable to get local issuer certificate', TLS_HELP);
  const response = server.respond(url.path);
  info.code = response.status;
  info.contentType = response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (args.has('f') && response.status >= 400) return error(args, output, 22, `The requested URL returned error: ${response.status}`);
  return deliver(inv, response, args, output, info);
}

function headerText(response: HttpResponse, inv: Invocation): string {
  const date = new Date(inv.node.now()).toUTCString();
  const lines = [`HTTP/1.1 ${response.status} ${response.reason}`, ...response.headers.map(([k, v]) => `${k}: ${v}`), `Date: ${date}`];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function deliver(inv: Invocation, response: HttpResponse, args: Args, output: Output, info: TransferInfo): number {
  const headers = args.has('I') || args.has('i') ? headerText(response, inv) : '';
  const data = args.has('I') ? headers : headers + response.body;
  info.sizeDownload = args.has('I') ? 0 : response.body.length;
  const file = args.value('o');
  if (file === undefined || file === '-') {
    output.out(data);
    return 0;
  }
  const written = inv.proc.writeFile(file, data);
  if (!written.ok) {
    if (!args.has('s')) output.stderr += `Warning: Failed to open the file ${file}: ${strerror(written.errno)}\n`;
    return error(args, output, 23, 'Failure writing output to destination');
  }
  if (!args.has('s')) {
    const size = String(data.length).padStart(5);
    output.stderr += '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n'
      + '                                 Dload  Upload   Total   Spent    Left  Speed\n'
      + `\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 ${size}  100 ${size}    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`;
  }
  return 0;
}
