/**
 * The bundled abstractions for interactive shells and terminals: `abstractions/bash`,
 * `abstractions/consoles` and `abstractions/user-tmp`. AppArmor Lab's own text, granting exactly what
 * Debian's apparmor 3.0.8 files grant.
 */

const BASH = `# abstractions/bash: what an interactive bash reads when it starts.
#
# Include it in the profile of a program that runs a login or interactive
# shell. The shell binary itself and the commands it runs still need their
# own exec rules.

  abi <abi/3.0>,

  # ---- Start-up files -----------------------------------------------------
  # System-wide profile and bashrc (names differ between distributions).
  /etc/{profile,profile.dos,bashrc,bash.bashrc,bash.bashrc.local}  r,
  /etc/profile.d/{,*}                r,
  # The user's own; the history file is also written.
  @{HOMEDIRS}                        r,
  @{HOME}/.{bashrc,profile,bash_profile}  r,
  @{HOME}/.bash_history              rw,
  # Line editing, completion and terminal descriptions.
  /etc/inputrc                       r,
  /etc/bash_completion               r,
  /etc/bash_completion.d/{,*}        r,
  /usr/share/terminfo/**             r,

  # ---- Prompt and colour helpers -----------------------------------------
  # Start-up scripts commonly run ls and dircolors; they run inside this
  # profile ("ix" inherits it).
  /{usr/,}bin/ls                     mix,
  /usr/bin/dircolors                 mix,
  /etc/DIR_COLORS                    r,
  # Mounted filesystems, which start-up scripts sometimes check.
  /etc/mtab                          r,
  @{PROC}/@{pid}/mounts              r,
  @{PROC}/filesystems                r,

  include if exists <abstractions/bash.d>
`;

const CONSOLES = `# abstractions/consoles: reading and writing the terminal.

  abi <abi/3.0>,

  # The system console and the process's controlling terminal.
  /dev/{console,tty}  rw,
  # Pseudo-terminals (terminal windows, ssh and kubectl exec sessions).
  /dev/pts/           r,
  /dev/pts/[0-9]*     rw,

  include if exists <abstractions/consoles.d>
`;

const USER_TMP = `# abstractions/user-tmp: private use of the temporary folders.
#
# Anyone may list and create entries in /tmp and /var/tmp, but "owner"
# limits everything below them to files the process's user owns, so
# programs cannot read each other's temporary files.

  abi <abi/3.0>,

  /{,var/}tmp/            rw,
  owner /{,var/}tmp/**    rwkl,
  # Some users keep a tmp folder in their home.
  owner @{HOME}/tmp/      rw,
  owner @{HOME}/tmp/**    rwkl,

  include if exists <abstractions/user-tmp.d>
`;

/** Relative path under `/etc/apparmor.d` → file text, for the shell and terminal abstractions. */
export const SHELL_ABSTRACTIONS: Readonly<Record<string, string>> = {
  'abstractions/bash': BASH,
  'abstractions/consoles': CONSOLES,
  'abstractions/user-tmp': USER_TMP,
};
