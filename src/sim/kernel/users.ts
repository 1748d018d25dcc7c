/**
 * The users of the simulated node: root 0, user 1000, other 1001, each with a private group of the same
 * number (as the corpus VM had). Names are what `--user` and the case files accept.
 */

/** One account. */
export type User = { name: string; uid: number; gid: number; home: string };

/** The accounts every node has. */
export const USERS: readonly User[] = [
  { name: 'root', uid: 0, gid: 0, home: '/root' },
  { name: 'user', uid: 1000, gid: 1000, home: '/home/user' },
  { name: 'other', uid: 1001, gid: 1001, home: '/home/other' },
];

/**
 * Finds an account by name or number.
 * @param spec - `root`, `user`, `other`, a uid number or its decimal string; undefined means root
 * @returns the account, or a synthetic one for an unknown uid (gid = uid), or undefined for an unknown name
 * @example resolveUser('user') // → { name: 'user', uid: 1000, gid: 1000, home: '/home/user' }
 */
export function resolveUser(spec: string | number | undefined | null): User | undefined {
  if (spec === undefined || spec === null) return USERS[0];
  const byName = USERS.find((u) => u.name === spec);
  if (byName) return byName;
  const uid = typeof spec === 'number' ? spec : /^\d+$/.test(spec) ? Number(spec) : NaN;
  if (!Number.isInteger(uid) || uid < 0) return undefined;
  return USERS.find((u) => u.uid === uid) ?? { name: String(uid), uid, gid: uid, home: '/' };
}
