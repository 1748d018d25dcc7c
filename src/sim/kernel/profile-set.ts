/**
 * The kernel's loaded-profile set (`/sys/kernel/security/apparmor/profiles`): profiles by full name,
 * load/replace/remove, lookup for transitions and attachment of an unconfined exec by the longest left
 * match. Profiles arrive already compiled (see `policy-loader.ts`); this module never parses.
 */
import type { AccessRequest, Decision } from '../../apparmor/index.ts';

/** The modes a loaded profile can be in (the `(enforce)` suffix of a label). */
export type LoadedMode = 'enforce' | 'complain' | 'kill' | 'unconfined';

/** One compiled profile, hat or child as the kernel holds it. */
export type LoadedProfile = {
  /** full name: `parent//child` for hats and children */
  name: string;
  mode: LoadedMode;
  /** true for a `^hat` (entered with change_hat only) */
  isHat: boolean;
  /** the exec attachment AARE, or undefined when the profile never attaches by path */
  attachment: string | undefined;
  /** the name of the policy file it was loaded from */
  file: string;
  /** asks the engine about one request, as this profile */
  decide(request: AccessRequest): Decision;
  /** does the attachment match this executable path? */
  attaches(path: string): boolean;
};

/**
 * The longest-left-match score of an attachment: the length of its literal prefix, with an exact
 * (glob-free) attachment above every glob (as `kernel:domain.c find_attach` prefers exact matches).
 * @param attachment - an AARE
 * @returns the score
 * @example attachmentScore('/tmp/x/**') // → 7
 */
export function attachmentScore(attachment: string): number {
  const cut = attachment.search(/[*?[{\\]/);
  return cut === -1 ? Number.MAX_SAFE_INTEGER : cut;
}

/**
 * The set of loaded profiles. Each load gets a sequence number: the kernel prepends to its lists, so the
 * profiles file lists newer profiles first, each followed by its hats and children (newest first too).
 */
export class ProfileSet {
  #profiles: LoadedProfile[] = [];
  readonly #seq = new Map<string, number>();
  #nextSeq = 0;
  /**
   * Makes the learning profile a complain-mode exec without an x rule runs in (`parent//null-/path`);
   * set by whoever compiles profiles (the kernel cannot). Created profiles join the set.
   */
  nullProfileFactory: ((name: string, parent: LoadedProfile) => LoadedProfile | undefined) | undefined;

  /**
   * @param name - the learning profile's full name
   * @param parent - the complain-mode profile that exec'd
   * @returns the (new or already loaded) learning profile, or undefined without a factory
   */
  createNull(name: string, parent: LoadedProfile): LoadedProfile | undefined {
    const existing = this.find(name);
    if (existing) return existing;
    const made = this.nullProfileFactory?.(name, parent);
    if (made) this.load([made]);
    return made;
  }

  /**
   * Loads (or replaces, by full name) the profiles of one policy file.
   * @param profiles - the file's profiles in load order (see `loadOrder`)
   * @returns `profile_load` or `profile_replace` per profile, for the STATUS audit records
   */
  load(profiles: readonly LoadedProfile[]): { profile: LoadedProfile; operation: 'profile_load' | 'profile_replace' }[] {
    const names = new Set(profiles.map((p) => p.name));
    const replaced = new Set(this.#profiles.filter((p) => names.has(p.name)).map((p) => p.name));
    this.#profiles = [...this.#profiles.filter((p) => !names.has(p.name)), ...profiles];
    for (const profile of profiles) this.#seq.set(profile.name, this.#nextSeq++);
    return profiles.map((profile) => ({
      profile,
      operation: replaced.has(profile.name) ? 'profile_replace' : 'profile_load',
    }));
  }

  /**
   * Removes a profile with its hats and children.
   * @param name - full name
   * @returns true when something was removed
   */
  remove(name: string): boolean {
    const before = this.#profiles.length;
    this.#profiles = this.#profiles.filter((p) => p.name !== name && !p.name.startsWith(`${name}//`));
    return this.#profiles.length !== before;
  }

  /**
   * @param name - a full profile name
   * @returns the loaded profile, if any
   */
  find(name: string): LoadedProfile | undefined {
    return this.#profiles.find((p) => p.name === name);
  }

  /** @returns every loaded profile, in load order */
  all(): readonly LoadedProfile[] {
    return this.#profiles;
  }

  /**
   * The profile an unconfined exec of `path` attaches to: among top-level profiles whose attachment
   * matches, the one with the longest literal prefix.
   * @param path - the resolved executable path
   * @returns the profile, or undefined (the task stays unconfined)
   */
  attachFor(path: string): LoadedProfile | undefined {
    let best: LoadedProfile | undefined;
    let bestScore = -1;
    for (const profile of this.#profiles) {
      if (profile.name.includes('//') || profile.attachment === undefined || !profile.attaches(path)) continue;
      const score = attachmentScore(profile.attachment);
      if (score > bestScore) {
        best = profile;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The listing of `/sys/kernel/security/apparmor/profiles`.
   * @returns lines like `name (enforce)`
   */
  listing(): string[] {
    const lines: string[] = [];
    const newestFirst = (a: LoadedProfile, b: LoadedProfile): number =>
      (this.#seq.get(b.name) ?? 0) - (this.#seq.get(a.name) ?? 0);
    const walk = (parent: string | undefined): void => {
      const depth = parent === undefined ? 0 : parent.split('//').length;
      const level = this.#profiles.filter((p) =>
        parent === undefined ? !p.name.includes('//') : p.name.startsWith(`${parent}//`) && p.name.split('//').length === depth + 1);
      for (const profile of [...level].sort(newestFirst)) {
        lines.push(`${profile.name} (${profile.mode})`);
        walk(profile.name);
      }
    };
    walk(undefined);
    return lines;
  }
}

/**
 * The order `apparmor_parser` loads one file's profiles in: top-level profiles by name, each followed by
 * its hats and children by name (observed in the corpus' STATUS records).
 * @param profiles - the profiles of one file, any order
 * @returns the same profiles in load order
 * @example loadOrder([{ name: 'p//b' }, { name: 'p' }, { name: 'p//a' }]).map((p) => p.name) // → ['p', 'p//a', 'p//b']
 */
export function loadOrder<T extends { name: string }>(profiles: readonly T[]): T[] {
  return [...profiles].sort((a, b) => {
    const pa = a.name.split('//');
    const pb = b.name.split('//');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] !== pb[i]) return (pa[i] ?? '') < (pb[i] ?? '') ? -1 : 1;
    }
    return pa.length - pb.length;
  });
}
