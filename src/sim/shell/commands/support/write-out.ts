/**
 * curl's `-w/--write-out` format, as tool_writeout.c of curl 7.88 expands it: `%{variable}`, `%%`, and the
 * backslash escapes `\n`, `\r`, `\t`; an unknown variable is reported on stderr and prints nothing.
 */

/** What one transfer leaves for the write-out variables. */
export type TransferInfo = {
  /** the HTTP status, 0 when no response came */
  code: number;
  url: string;
  contentType: string;
  sizeDownload: number;
  exitCode: number;
  remoteIp: string;
  remotePort: number;
};

/** The write-out variables the simulator knows, as curl formats them. */
const VARIABLES: Readonly<Record<string, (info: TransferInfo) => string>> = {
  http_code: (info) => String(info.code).padStart(3, '0'),
  response_code: (info) => String(info.code).padStart(3, '0'),
  url_effective: (info) => info.url,
  url: (info) => info.url,
  content_type: (info) => info.contentType,
  size_download: (info) => String(info.sizeDownload),
  exitcode: (info) => String(info.exitCode),
  remote_ip: (info) => info.remoteIp,
  remote_port: (info) => (info.remotePort === 0 ? '' : String(info.remotePort)),
  num_connects: (info) => (info.remoteIp === '' ? '0' : '1'),
};

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/**
 * @param format - the `-w` argument
 * @param info - the finished transfer
 * @returns the text for stdout and the warnings for stderr
 * @example expandWriteOut('%{http_code}\\n', info) // → { stdout: '404\n', stderr: '' }
 */
export function expandWriteOut(format: string, info: TransferInfo): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    const next = format[i + 1];
    if (c === '%' && next === '%') {
      stdout += '%';
      i++;
    } else if (c === '%' && next === '{' && format.indexOf('}', i) > 0) {
      const end = format.indexOf('}', i);
      const name = format.slice(i + 2, end);
      const variable = VARIABLES[name];
      if (variable === undefined) stderr += `curl: unknown --write-out variable: '${name}'\n`;
      else stdout += variable(info);
      i = end;
    } else if (c === '\\' && next !== undefined && ESCAPES[next] !== undefined) {
      stdout += ESCAPES[next];
      i++;
    } else stdout += c;
  }
  return { stdout, stderr };
}
