/**
 * The bundled `abstractions/base` and the `abstractions/crypto` it pulls in: what almost every program
 * needs to start. AppArmor Lab's own text, granting exactly what Debian's apparmor 3.0.8 files grant
 * (proved by tests/apparmor/bundle-parser.test.ts).
 */

const BASE = `# abstractions/base: what nearly every program needs just to run.
#
# Put "include <abstractions/base>" inside a profile and the program may
# load shared libraries, read locale and time zone data, use /dev/null and
# the random devices, log through syslog or the journal, read a handful of
# harmless /proc and /sys files, and signal, ptrace-read and talk over unix
# sockets to itself. It grants no write access to ordinary files.

  abi <abi/3.0>,

  # Configuration read by the crypto libraries (libgcrypt, crypto policies).
  include <abstractions/crypto>

  # ---- Devices ----------------------------------------------------------
  # /dev/null, /dev/zero and /dev/full hold nothing: reading and writing
  # them is harmless, and glibc opens them for programs started without
  # stdin, stdout or stderr.
  /dev/{null,zero,full}  rw,
  # Randomness, for libraries that open the devices instead of getrandom(2).
  /dev/{,u}random        r,

  # ---- Logging ----------------------------------------------------------
  # syslog(3) writes to /dev/log; systemd's journal listens on its own
  # sockets. Programs whose output is piped into the journal (systemd-cat,
  # containers in containers) fail unless they may also read the stdout one.
  /dev/log                                 w,
  @{run}/systemd/journal/{dev-log,socket}  w,
  @{run}/systemd/journal/stdout            rw,

  # libuuid asks the uuidd daemon for unique ids.
  @{run}/uuidd/request  r,

  # ---- Locales, character sets and time zones -----------------------------
  @{etc_ro}/{locale.alias,localtime}  r,
  @{etc_ro}/locale/**                 r,
  /etc/writable/localtime             r,
  /usr/share/{locale,locale-bundle,locale-langpack}/**  r,
  /usr/share/**/locale/**             r,
  /usr/share/X11/locale/**            r,
  /usr/share/zoneinfo/                r,
  /usr/share/zoneinfo/**              r,
  # Compiled locales and the iconv(3) conversion modules are mapped into
  # memory, hence "m" next to "r".
  /usr/lib{,32,64}/locale/**                         mr,
  /usr/lib{,32,64}/gconv/{*.so,gconv-modules*}       mr,
  /usr/lib/@{multiarch}/gconv/{*.so,gconv-modules*}  mr,

  # ---- The dynamic loader ------------------------------------------------
  # ld.so reads its cache and configuration, then maps the libraries.
  @{etc_ro}/ld.so.cache              mr,
  @{etc_ro}/ld.so.{conf,preload}     r,
  @{etc_ro}/ld.so.conf.d/{,*.conf}   r,
  /{usr/,}lib{,32,64}/ld{,32,64}-*.so        mr,
  /{usr/,}lib/@{multiarch}/ld{,32,64}-*.so   mr,
  /{usr/,}lib/{,i386-linux-gnu/}tls/i686/{cmov,nosegneg}/ld-*.so  mr,
  /opt/*-linux-uclibc/lib/ld-uClibc*so*      mr,

  # ---- Shared libraries ----------------------------------------------------
  # Any program may read the system's libraries and map the .so files.
  /{usr/,}lib{,32,64}/**        r,
  /{usr/,}lib{,32,64}/**.so*    mr,
  /{usr/,}lib/@{multiarch}/**       r,
  /{usr/,}lib/@{multiarch}/**.so*   mr,
  /{usr/,}lib/{,i386-linux-gnu/}tls/i686/{cmov,nosegneg}/*.so*  mr,
  # FIPS 140-2 builds of crypto libraries check their own integrity with a
  # .hmac file next to the library and abort when they cannot read it.
  /{usr/,}lib{,32,64}/.lib*.so*.hmac      r,
  /{usr/,}lib/@{multiarch}/.lib*.so*.hmac r,

  # glibc reads this list of ports to skip when binding to a free port.
  @{etc_ro}/bindresvport.blacklist  r,

  # ---- System information from /proc and /sys ----------------------------
  # Kernel version, group limit and capability count, read by glibc and libcap.
  @{PROC}/sys/kernel/{version,ngroups_max,cap_last_cap}  r,
  # Memory, CPU and filesystem facts behind sysconf(3), statvfs(3) and malloc.
  @{PROC}/{meminfo,stat,cpuinfo,filesystems}  r,
  @{PROC}/sys/vm/overcommit_memory            r,
  @{sys}/devices/system/cpu/{,online,possible}  r,
  # The process's own memory map and status, read by glibc's fortified printf.
  @{PROC}/@{pid}/{maps,auxv,status}  r,
  # libgcrypt's switches.
  @{PROC}/sys/crypto/*  r,

  # License texts that programs may display.
  /usr/share/common-licenses/**  r,

  # ---- Talking to itself and to unconfined processes ---------------------
  # Other processes may read our /proc entries and trace us, if their own
  # profile lets them ("readby" and "tracedby" are the receiving side).
  # A profile can still refuse with "deny ptrace (readby)," and the like.
  ptrace (readby, tracedby),
  # We may ptrace-read ourselves.
  ptrace (read) peer=@{profile_name},
  # Signals: from unconfined processes, to and from ourselves, and the
  # "does this pid exist?" probe (kill with signal 0) in both directions.
  signal (receive) peer=unconfined,
  signal peer=@{profile_name},
  signal (send, receive) set=(exists),
  # Unix sockets: anything with ourselves, receiving from unconfined
  # processes, and creating and inspecting sockets.
  unix peer=(label=@{profile_name}),
  unix (receive) peer=(label=unconfined),
  unix (create, getattr, getopt, setopt, shutdown),

  # ---- Encrypted home directories (eCryptfs) ------------------------------
  # The encrypted files behind a user's home; "owner" keeps each user to
  # their own files. Old layout: ~/.Private/; new layout: .ecryptfs/<user>/.
  owner @{HOME}/.Private/                          r,
  owner @{HOME}/.Private/**                        mrixwlk,
  owner @{HOMEDIRS}/.ecryptfs/*/.Private/          r,
  owner @{HOMEDIRS}/.ecryptfs/*/.Private/**        mrixwlk,

  # Site additions to this abstraction, when the folder exists.
  include if exists <abstractions/base.d>
`;

const CRYPTO = `# abstractions/crypto: configuration of the crypto libraries.
# Included by abstractions/base, so most profiles get it.

  abi <abi/3.0>,

  # libgcrypt: disabled hardware features and random number settings.
  @{etc_ro}/gcrypt/{hwf.deny,random.conf}  r,
  # Kernel crypto switches, fips_enabled among them.
  @{PROC}/sys/crypto/*  r,
  # System-wide crypto policies (the allowed ciphers, per library).
  /{etc,usr/share}/crypto-policies/*/*.txt  r,

  # Site additions to this abstraction, when the folder exists.
  include if exists <abstractions/crypto.d>
`;

/** Relative path under `/etc/apparmor.d` → file text, for `abstractions/base` and its include. */
export const BASE_ABSTRACTIONS: Readonly<Record<string, string>> = {
  'abstractions/base': BASE,
  'abstractions/crypto': CRYPTO,
};
