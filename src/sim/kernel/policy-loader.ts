/**
 * The bridge from policy text to loaded profiles: parses, resolves and compiles one policy file through
 * the engine as `apparmor_parser` would (first error in its words, `-C` for complain), and wraps each
 * compiled profile as a `LoadedProfile` whose decisions see every profile loaded through the same loader
 * (px/cx targets, change_profile). One loader per kernel.
 */
import {
  checkPolicy, compilePolicy, evaluate, formatParserError, IncludeCache, PatternCache,
  type CompiledPolicy, type CompiledProfile, type IncludeReader,
} from '../../apparmor/index.ts';
import type { Kernel } from './kernel.ts';
import { statusRecord } from './kernel-records.ts';
import { loadOrder, type LoadedMode, type LoadedProfile } from './profile-set.ts';

/** What compiling one policy file gives: the parser's verdict and messages, and the profiles to load. */
export type PolicyLoadResult = { accepted: boolean; stderr: string; profiles: LoadedProfile[] };

/** Compiles policy files for one kernel. */
export type PolicyLoader = {
  /**
   * @param text - the policy file's text
   * @param file - its path, as apparmor_parser names it in messages (`/etc/apparmor.d/<name>`)
   * @param options - `isComplain`: load every profile in complain mode (`apparmor_parser -C`)
   * @returns the verdict, the messages and the profiles
   */
  load(text: string, file: string, options: { isComplain: boolean }): PolicyLoadResult;
  /**
   * @param name - the learning profile's full name (`parent//null-/path`)
   * @returns a complain-mode profile with no rules, under that name
   */
  nullProfile(name: string): LoadedProfile | undefined;
  /**
   * Drops a profile (with its hats and children) from what later decisions can transition to.
   * @param name - the profile's full name
   */
  forget(name: string): void;
};

/** Where includes come from. */
export type PolicyLoaderOptions = {
  reader?: IncludeReader;
  includeDirs?: readonly string[];
  /** parsed include files shared across loads (re-parsed when a file's text changes); default: the loader's own */
  includes?: IncludeCache;
};

const LOADED_MODES: readonly string[] = ['enforce', 'complain', 'kill', 'unconfined'];

/**
 * Creates a loader with its own registry of compiled profiles.
 * @param options - the include reader and `-I` directories
 * @returns the loader
 */
export function createPolicyLoader(options: PolicyLoaderOptions = {}): PolicyLoader {
  const patterns = new PatternCache();
  const includes = options.includes ?? new IncludeCache();
  const byName = new Map<string, CompiledProfile>();
  const policy: CompiledPolicy = { profiles: [], byName, diagnostics: [] };
  const refresh = (): void => {
    policy.profiles = [...byName.values()].filter((p) => p.parent === undefined);
  };
  const wrap = (profile: CompiledProfile, file: string): LoadedProfile => ({
    name: profile.name,
    mode: (LOADED_MODES.includes(profile.mode) ? profile.mode : 'enforce') as LoadedMode,
    isHat: profile.kind === 'hat',
    attachment: profile.attachment?.pattern,
    file,
    decide: (request) => evaluate(profile, request, { policy }),
    attaches: (path) => profile.attachment?.test(path) ?? false,
  });
  return {
    load(text, file, { isComplain }) {
      const checked = checkPolicy(text, {
        ...(options.reader ? { reader: options.reader } : {}),
        ...(options.includeDirs ? { includeDirs: options.includeDirs } : {}),
        fileName: file,
        text,
        includes,
      });
      const error = checked.diagnostics.find((d) => d.severity === 'error');
      if (error) return { accepted: false, stderr: `${formatParserError(error, { fileName: file })}\n`, profiles: [] };
      const compiled = compilePolicy(checked.policy, patterns);
      const profiles: LoadedProfile[] = [];
      for (const profile of compiled.byName.values()) {
        if (isComplain && profile.mode === 'enforce') profile.mode = 'complain';
        byName.set(profile.name, profile);
        profiles.push(wrap(profile, file));
      }
      refresh();
      return { accepted: true, stderr: '', profiles };
    },
    nullProfile(name) {
      const compiled = compilePolicy(checkPolicy('profile null-learning flags=(complain) {}\n').policy, patterns);
      const base = compiled.profiles[0];
      if (!base) return undefined;
      const learning: CompiledProfile = { ...base, name };
      byName.set(name, learning);
      return wrap(learning, '(learning)');
    },
    forget(name) {
      for (const key of [...byName.keys()]) if (key === name || key.startsWith(`${name}//`)) byName.delete(key);
      refresh();
    },
  };
}

/**
 * `apparmor_parser -r FILE` against a kernel: compiles the file and, when it is accepted, loads (or
 * replaces) its profiles in the parser's order and logs one STATUS record per profile.
 * @param kernel - the kernel to load into
 * @param loader - the kernel's policy loader
 * @param text - the policy text
 * @param file - its path, as messages name it
 * @param options - `isComplain` (`-C`) and the pid the STATUS records carry
 * @returns the loader's result plus the STATUS records logged
 */
export function loadPolicyFile(
  kernel: Kernel, loader: PolicyLoader, text: string, file: string, options: { isComplain?: boolean; parserPid?: number } = {},
): PolicyLoadResult & { records: string[] } {
  const loaded = loader.load(text, file, { isComplain: options.isComplain ?? false });
  if (!loaded.accepted) return { ...loaded, records: [] };
  const records = kernel.profiles.load(loadOrder(loaded.profiles))
    .map(({ profile, operation }) => statusRecord(operation, profile.name, options.parserPid ?? 90));
  for (const record of records) kernel.log(record);
  kernel.refreshLabels();
  return { ...loaded, records };
}

/**
 * `apparmor_parser -R`: removes a loaded profile with its hats and children, logging `profile_remove`.
 * @param kernel - the kernel
 * @param loader - the kernel's policy loader
 * @param name - the profile's full name
 * @param parserPid - the pid the STATUS records carry
 * @returns the STATUS records logged, or undefined when no such profile is loaded (the parser's ENOENT)
 */
export function removePolicyProfile(kernel: Kernel, loader: PolicyLoader, name: string, parserPid = 90): string[] | undefined {
  const removed = kernel.profiles.all().filter((p) => p.name === name || p.name.startsWith(`${name}//`)).map((p) => p.name);
  if (removed.length === 0) return undefined;
  kernel.profiles.remove(name);
  loader.forget(name);
  const records = removed.map((profile) => statusRecord('profile_remove', profile, parserPid));
  for (const record of records) kernel.log(record);
  kernel.refreshLabels();
  return records;
}
