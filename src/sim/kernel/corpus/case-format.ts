/**
 * The kernel corpus' case and result formats (conformance `kernel/README.md`), as TypeScript types, plus
 * the reader that accepts both `{about, cases}` and a bare list. Types and parsing only.
 */

/** A file laid onto the node before the case runs. */
export type CaseFile = {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'probe' | 'fifo';
  content?: string;
  /** octal text such as `0644` */
  mode?: string;
  owner?: string | number;
  target?: string;
};

/** One operation: `op` plus its parameters (unknown keys are passed through). */
export type CaseOp = {
  op: string;
  as?: string | null;
  user?: string | number;
  hat?: string;
  note?: string;
  expect?: unknown;
  [key: string]: unknown;
};

/** One case. */
export type KernelCase = {
  id: string;
  description?: string;
  profiles: string[];
  profile_files?: string[];
  mode?: 'enforce' | 'complain';
  parser_args?: string[];
  expect_parser?: 'accept' | 'reject';
  as?: string | null;
  user?: string | number;
  files?: CaseFile[];
  setup?: string[];
  ops: CaseOp[];
};

/** A case file. */
export type CaseFileJson = { about?: string; cases: KernelCase[] } | KernelCase[];

/** One syscall step of an op's result. */
export type OpStep = { call: string; ret: number; errno?: number; errname?: string; error?: string };

/** What one op did (the corpus' `result`). */
export type OpResult = {
  allowed?: boolean;
  errno?: string;
  errno_num?: number;
  failed_call?: string;
  steps?: OpStep[];
  data?: string;
  exit?: number;
  signal?: number;
  stdout?: string;
  stderr?: string;
  label?: string;
  at_secure?: boolean;
  cap_granted?: boolean;
  enter_failed?: boolean;
  audit: string[];
  audit_norm: string[];
  /** set instead of a verdict when the model cannot run the op */
  unsupported?: string;
};

/** What apparmor_parser said about one profile file. */
export type ParserResult = {
  file: string;
  rc: number;
  accepted: boolean;
  loaded: boolean;
  stderr: string;
  parser_cmd: string;
};

/** One case's result. */
export type CaseResult = {
  id: string;
  description?: string;
  mode: 'enforce' | 'complain';
  profiles: string[];
  files: CaseFile[];
  parser: ParserResult[];
  loaded_profiles: string[];
  load_audit: string[];
  load_audit_norm: string[];
  ops: { op: CaseOp; result: OpResult }[];
};

/** A result file. */
export type ResultFileJson = { meta: Record<string, unknown>; results: CaseResult[] };

/**
 * @param json - a parsed case file
 * @returns its cases
 * @example casesOf([{ id: 'a', profiles: [], ops: [] }]).length // → 1
 */
export function casesOf(json: CaseFileJson): KernelCase[] {
  return Array.isArray(json) ? json : json.cases;
}
