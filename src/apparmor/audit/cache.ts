/**
 * The kernel's capability audit de-duplication (`kernel:capability.c audit_caps`): a per-CPU cache holding
 * the last profile that logged a capability and the set of capabilities logged. The caller owns one cache per
 * simulated CPU (the corpus VM has one), so the engine keeps no hidden global state.
 */

/** The per-CPU `audit_cache` of `kernel:capability.c`. */
export class AuditCache {
  #profile: string | undefined;
  readonly #caps = new Set<number>();

  /**
   * Records that `profile` is about to log capability `cap`, as `audit_caps` does.
   * Mimics the kernel exactly, including that switching profile does not clear the capability set.
   *
   * @param profile - the profile's full name
   * @param cap - the capability number
   * @returns true when the record is a duplicate and must not be logged
   * @example const cache = new AuditCache(); cache.isDuplicate('p', 13); cache.isDuplicate('p', 13) // → true
   */
  isDuplicate(profile: string, cap: number): boolean {
    if (this.#profile === profile && this.#caps.has(cap)) return true;
    // as audit_caps: the profile is replaced but ent->caps is only ever raised, never reset
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
