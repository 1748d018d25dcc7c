/**
 * `--version` of the GNU coreutils 9.1 programs (Debian 12): the banner, the licence paragraph and each
 * program's own "Written by" line, as the real binaries print them.
 */

/** Each coreutils program's authors line(s), from coreutils 9.1's `--version`. */
const AUTHORS: Readonly<Record<string, string>> = {
  ls: 'Richard M. Stallman and David MacKenzie.',
  cat: 'Torbjorn Granlund and Richard M. Stallman.',
  touch: 'Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith.',
  mkdir: 'David MacKenzie.',
  rm: 'Paul Rubin, David MacKenzie, Richard M. Stallman,\nand Jim Meyering.',
  rmdir: 'David MacKenzie.',
  cp: 'Torbjorn Granlund, David MacKenzie, and Jim Meyering.',
  mv: 'Mike Parker, David MacKenzie, and Jim Meyering.',
  ln: 'Mike Parker and David MacKenzie.',
  chmod: 'David MacKenzie and Jim Meyering.',
  chown: 'David MacKenzie and Jim Meyering.',
  stat: 'Michael Meskes.',
  id: 'Arnold Robbins and David MacKenzie.',
  whoami: 'Richard Mlynarik.',
  head: 'David MacKenzie and Jim Meyering.',
  tail: 'Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering.',
  wc: 'Paul Rubin and David MacKenzie.',
  sort: 'Mike Haertel and Paul Eggert.',
  tee: 'Mike Parker, Richard M. Stallman, and David MacKenzie.',
  env: 'Richard Mlynarik, David MacKenzie, and Assaf Gordon.',
  pwd: 'Jim Meyering.',
  uname: 'David MacKenzie.',
  sleep: 'Jim Meyering and Paul Eggert.',
  echo: 'Brian Fox and Chet Ramey.',
  printf: 'David MacKenzie.',
  true: 'Jim Meyering.',
  false: 'Jim Meyering.',
};

/**
 * @param program - a program's base name
 * @returns its `--version` text, or undefined when it is not a coreutils program
 * @example versionText('pwd')?.split('\n')[0] // → 'pwd (GNU coreutils) 9.1'
 */
export function versionText(program: string): string | undefined {
  const authors = AUTHORS[program];
  if (authors === undefined) return undefined;
  return `${program} (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authors}
`;
}
