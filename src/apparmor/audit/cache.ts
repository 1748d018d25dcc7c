/**
 * The kernel's capability audit de-duplication (`kernel:capability.c audit_caps`): a per-CPU cache holding
 * the last profile that logged a capability and the set of capabilities logged. The caller owns one cache per
 * simulated CPU (the corpus VM has one), so the engine keeps no hidden global state.
 */

/** The per-CPU `audit_cache` of `kernel:capability.c`. */
export class AuditCache {
  #profile: object | undefined;
  readonly #caps = new Set<number | string>();

  /**
   * Records that `profile` is about to log capability `cap`, as `audit_caps` does. Profiles compare by
   * identity, like the kernel's pointer compare: a replaced profile is a new profile. Switching profile
   * clears the set, as the stable fix "apparmor: clear the audit cache's caps on profile change"
   * (`if (profile != ent->profile) cap_clear(ent->caps)`) that Debian's 6.1 kernel carries; the kernel corpus
   * shows it (a capability logged under one profile is logged again under the next).
   *
   * @param profile - the compiled profile (any object standing for one profile)
   * @param cap - the capability, by number or name
   * @returns true when the record is a duplicate and must not be logged
   * @example const cache = new AuditCache(); const p = {}; cache.isDuplicate(p, 13); cache.isDuplicate(p, 13) // → true
   */
  isDuplicate(profile: object, cap: number | string): boolean {
    if (this.#profile === profile && this.#caps.has(cap)) return true;
    if (this.#profile !== profile) this.#caps.clear();
    this.#profile = profile;
    this.#caps.add(cap);
    return false;
  }

  /** Forgets everything (a fresh boot). */
  clear(): void {
    this.#profile = undefined;
    this.#caps.clear();
  }
}
