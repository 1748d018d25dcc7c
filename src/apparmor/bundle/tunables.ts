/**
 * The bundled `/etc/apparmor.d/tunables/*`: the variables a profile gets from `include <tunables/global>`.
 * AppArmor Lab's own text; every variable has the value Debian's apparmor 3.0.8 gives it (checked by
 * tests/apparmor/bundle-parser.test.ts against the real apparmor_parser). Not a resolver: just file texts.
 */

const GLOBAL = `# tunables/global: the variables every profile may use.
#
# A profile file starts with "include <tunables/global>" so that @{HOME},
# @{PROC}, @{pid} and the others are defined before its rules use them.
# This file defines nothing itself; it pulls in the smaller files below,
# and each of those explains its own variables.

# ---- Where the system keeps things ----
# @{PROC}: where procfs is mounted
include <tunables/proc>
# @{sys}, and @{pid}, @{tid}, @{uid} and friends
include <tunables/kernelvars>
# @{run}: the runtime state directory
include <tunables/run>
# @{etc_ro} and @{etc_rw}: the configuration directories
include <tunables/etc>
# @{multiarch}: library directory names such as x86_64-linux-gnu
include <tunables/multiarch>

# ---- Where users keep things ----
# @{HOME} and @{HOMEDIRS}: the users' home directories
include <tunables/home>
# @{XDG_DOCUMENTS_DIR}, @{XDG_DOWNLOAD_DIR} and the other XDG folder names
include <tunables/xdg-user-dirs>
# @{system_share_dirs} and @{user_share_dirs}: the "share" data folders
include <tunables/share>

# ---- Path rewrites ----
# no alias rules by default; this file tells how to add one
include <tunables/alias>
`;

const HOME = `# tunables/home: the users' home directories.

# @{HOMEDIRS} is the folder that holds the home directories, with a
# trailing slash. More locations can be added in tunables/home.d/.
@{HOMEDIRS}=/home/

# @{HOME} matches the home directory of any user, root included. AppArmor
# does not look at which user runs the program, so "@{HOME}/.ssh/** r,"
# allows reading every user's ~/.ssh; put "owner" in front of a rule to
# limit it to files the process's user owns.
@{HOME}=@{HOMEDIRS}/*/ /root/

# Site-specific additions, one file per site or package.
include <tunables/home.d>
`;

const HOME_SITE_LOCAL = `# tunables/home.d/site.local: this machine's extra home locations.
#
# Empty on a fresh node. To treat /srv/users/<name>/ as home directories
# too, append to @{HOMEDIRS} with "+=" and keep the trailing slash, since
# @{HOME} adds "*/" right after it:
#
#   @{HOMEDIRS}+=/srv/users/
`;

const MULTIARCH = `# tunables/multiarch: library folders on multi-architecture systems.

# Debian-style systems install libraries under a per-architecture folder,
# for example /usr/lib/x86_64-linux-gnu/ or /usr/lib/aarch64-linux-gnu/.
# Writing /usr/lib/@{multiarch}/ makes a rule work on every architecture.
@{multiarch}=*-linux-gnu*

# Packages and sites can add more patterns here.
include <tunables/multiarch.d>
`;

const MULTIARCH_SITE_LOCAL = `# tunables/multiarch.d/site.local: this machine's extra library folders.
#
# Empty on a fresh node. Extra architecture patterns are appended with
# "+=" and, unlike home directories, take no trailing slash:
#
#   @{multiarch}+=*-linux-musl*
`;

const PROC = `# tunables/proc: where the kernel's process filesystem is mounted.
# Rules such as "@{PROC}/@{pid}/status r," use it instead of a fixed path.
@{PROC}=/proc/
`;

const ALIAS = `# tunables/alias: path rewrites for the whole policy (none by default).
#
# An alias rule makes rules written for one directory also apply to
# another, after variables are expanded. A site that moved its web root
# from /srv/www/ to /data/www/ could add:
#
#   alias /srv/www/ -> /data/www/,
#
# Every rule that names a path under /srv/www/ then also covers the same
# path under /data/www/.
`;

const KERNELVARS = `# tunables/kernelvars: what only the running kernel knows, as patterns.
#
# When a profile is compiled, nobody knows which process or user a rule
# will be checked for, so the id variables match any number of the right
# shape; @{sys} holds the usual place of sysfs.

# @{sys}: where sysfs is mounted.
@{sys}=/sys/

# @{pid}: a process id, 1 to 4999999, without leading zeros.
@{pid}={[1-9],[1-9][0-9],[1-9][0-9][0-9],[1-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9][0-9],[1-4][0-9][0-9][0-9][0-9][0-9][0-9]}

# @{tid} (a thread id) and @{pids} have the same shape.
@{tid}=@{pid}
@{pids}=@{pid}

# @{uid}: a user id, 0 to 4999999999, without leading zeros.
@{uid}={[0-9],[1-9][0-9],[1-9][0-9][0-9],[1-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9],[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9],[1-4][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]}
@{uids}=@{uid}
`;

const XDG_USER_DIRS = `# tunables/xdg-user-dirs: the usual names of the folders in a home directory.
# They are single names, used as @{HOME}/@{XDG_DOWNLOAD_DIR}/ and so on.
@{XDG_DESKTOP_DIR}="Desktop"
@{XDG_DOCUMENTS_DIR}="Documents"
@{XDG_DOWNLOAD_DIR}="Downloads"
@{XDG_MUSIC_DIR}="Music"
@{XDG_PICTURES_DIR}="Pictures"
@{XDG_PUBLICSHARE_DIR}="Public"
@{XDG_TEMPLATES_DIR}="Templates"
@{XDG_VIDEOS_DIR}="Videos"

# Translated or renamed folders are added here. The folder ships empty,
# and it must exist: this include has no "if exists".
include <tunables/xdg-user-dirs.d>
`;

const SHARE = `# tunables/share: folders that play the role of /usr/share.

# Where Flatpak publishes the data of installed apps and runtimes.
@{flatpak_exports_root} = {flatpak/exports,flatpak/{app,runtime}/*/*/*/*/export}

# System-wide "share" folders (owned by root, listed in XDG_DATA_DIRS):
# /usr/share, /usr/local/share and Flatpak's exported share folders.
# Rules append the usual subfolders, e.g. @{system_share_dirs}/icons/**.
@{system_share_dirs} = /{usr,usr/local,var/lib/@{flatpak_exports_root}}/share

# The same for each user: ~/.local/share and the user's Flatpak exports.
@{user_share_dirs} = @{HOME}/.local{,/share/@{flatpak_exports_root}}/share
`;

const ETC = `# tunables/etc: where configuration files live.

# @{etc_ro}: every directory a program may read its configuration from.
# Some systems keep package defaults in /usr/etc/ and only the admin's
# changes in /etc/. Use it in read rules only.
@{etc_ro}=/etc/ /usr/etc/

# @{etc_rw}: the configuration directory that may be written to.
@{etc_rw}=/etc/

# Optional site additions to either list.
include if exists <tunables/etc.d>
`;

const RUN = `# tunables/run: the runtime state directory (sockets, pid files).
# /var/run/ is an old name for /run/; both are matched.
@{run}=/run/ /var/run/
`;

const SECURITYFS = `# tunables/securityfs: where the kernel's security filesystem is mounted.
# Not part of tunables/global: include it yourself when a rule needs it.
@{securityfs}=@{sys}/kernel/security/
`;

const APPARMORFS = `# tunables/apparmorfs: AppArmor's own folder in securityfs, where the
# kernel lists the loaded profiles and its features (aa-status reads it).
# Not part of tunables/global: include it yourself when a rule needs it.
include <tunables/securityfs>

@{apparmorfs}=@{securityfs}/apparmor/
`;

const SYS = `# tunables/sys: kept only so that old profiles including it still load.
# It defines nothing; @{sys} now comes from tunables/kernelvars.
`;

/** Relative path under `/etc/apparmor.d` → file text, for every bundled tunables file. */
export const TUNABLES: Readonly<Record<string, string>> = {
  'tunables/global': GLOBAL,
  'tunables/home': HOME,
  'tunables/home.d/site.local': HOME_SITE_LOCAL,
  'tunables/multiarch': MULTIARCH,
  'tunables/multiarch.d/site.local': MULTIARCH_SITE_LOCAL,
  'tunables/proc': PROC,
  'tunables/alias': ALIAS,
  'tunables/kernelvars': KERNELVARS,
  'tunables/xdg-user-dirs': XDG_USER_DIRS,
  'tunables/share': SHARE,
  'tunables/etc': ETC,
  'tunables/run': RUN,
  'tunables/securityfs': SECURITYFS,
  'tunables/apparmorfs': APPARMORFS,
  'tunables/sys': SYS,
};
