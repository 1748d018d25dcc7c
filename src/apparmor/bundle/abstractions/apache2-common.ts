/**
 * The bundled `abstractions/apache2-common`: what every Apache httpd process, and each of its hats, needs.
 * AppArmor Lab's own text, granting exactly what Debian's apparmor 3.0.8 file grants.
 */

const APACHE2_COMMON = `# abstractions/apache2-common: the basics of an Apache web server.
#
# With mod_apparmor, Apache can handle a request inside a hat (a
# sub-profile such as apache2//DEFAULT_URI), so this abstraction goes
# both into the main profile and into every hat. It lets the parent and
# its hats signal each other.

  abi <abi/3.0>,

  # Apache resolves user and host names.
  include <abstractions/nameservice>

  # ---- Serving ---------------------------------------------------------------
  # TCP over IPv4 and IPv6.
  network inet   stream,
  network inet6  stream,
  # Apache's shared files, and per-directory configuration anywhere.
  /usr/share/apache2/**  r,
  /**/.htaccess          r,
  # Randomness for TLS and session ids.
  /dev/urandom           r,
  # The OCSP stapling cache and the SASL authentication daemon.
  @{run}/lock/apache2/stapling-cache*   rw,
  @{run}/saslauthd/mux                  rw,

  # ---- Hats and signals --------------------------------------------------------
  # mod_apparmor changes hats by writing the process's AppArmor attribute.
  @{PROC}/@{pid}/attr/{apparmor/,}current  rw,
  # Signals: both ways with ourselves and with the parent's other hats;
  # received from the parent apache2 profile and from unconfined processes
  # (the admin, the init system).
  signal peer=@{profile_name},
  signal peer=apache2//*,
  signal (receive) peer={apache2,unconfined},
  # Others may read our /proc entries and trace us, if their profile allows.
  ptrace (readby, tracedby),

  include if exists <abstractions/apache2-common.d>
`;

/** Relative path under `/etc/apparmor.d` → file text, for `abstractions/apache2-common`. */
export const APACHE2_COMMON_ABSTRACTIONS: Readonly<Record<string, string>> = {
  'abstractions/apache2-common': APACHE2_COMMON,
};
