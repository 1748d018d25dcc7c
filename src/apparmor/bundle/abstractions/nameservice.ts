/**
 * The bundled `abstractions/nameservice`: looking up users, groups, hosts and services (getpwnam(3),
 * getaddrinfo(3) …). AppArmor Lab's own text, granting exactly what Debian's apparmor 3.0.8 file grants;
 * the name sources it includes (NIS, LDAP, winbind …) are in name-sources.ts.
 */

const NAMESERVICE = `# abstractions/nameservice: turning names into ids and addresses.
#
# Include this in the profile of any program that asks "who is user 1000?",
# "what is the address of example.com?" or "which port is https?". glibc
# answers through the Name Service Switch (/etc/nsswitch.conf), which may
# read local files, ask a caching daemon, or ask the network, so the
# abstraction covers all of these, and opens inet sockets for DNS.

  abi <abi/3.0>,

  # ---- The switch and its local databases -------------------------------
  @{etc_ro}/{nsswitch.conf,host.conf,gai.conf,netconfig}  r,
  @{etc_ro}/default/nss                                   r,
  @{etc_ro}/{passwd,group,hosts,services,protocols}       r,
  @{etc_ro}/samba/lmhosts                                 r,
  /var/lib/misc/*.db                                      r,
  # Extra users of Ubuntu Core, and SSSD's fast in-memory cache and pipe.
  /var/lib/extrausers/{passwd,group}                      r,
  /var/lib/sss/mc/{passwd,group,initgroups}               r,
  /var/lib/sss/pipes/nss                                  rw,

  # The NSS modules themselves (libnss_files, libnss_dns, …).
  /{usr/,}lib{,32,64}/libnss_*.so*          mr,
  /{usr/,}lib/@{multiarch}/libnss_*.so*     mr,

  # ---- DNS ------------------------------------------------------------------
  # resolv.conf, wherever the local DNS manager keeps the real one.
  @{etc_ro}/resolv.conf                   r,
  @{etc_ro}/resolvconf/run/resolv.conf    r,
  @{run}/{resolvconf,NetworkManager,systemd/resolve,connman,netconfig}/resolv.conf  r,
  @{run}/systemd/resolve/stub-resolv.conf r,
  /mnt/wsl/resolv.conf                    r,
  # Queries go out over TCP and UDP, for IPv4 and IPv6.
  network inet   stream,
  network inet   dgram,
  network inet6  stream,
  network inet6  dgram,
  # getaddrinfo(3) asks the kernel over netlink which addresses this host
  # has; libnl-based code reads the routing table and its classid table.
  network netlink raw,
  @{PROC}/@{pid}/net/{route,psched}  r,
  @{etc_ro}/libnl-*/classid          r,
  # mDNS (.local names) through the Avahi daemon.
  @{run}/avahi-daemon/socket  rw,

  # ---- The name service cache daemon (nscd) -----------------------------
  @{run}/{.nscd_socket,nscd/socket}  rw,
  @{run}/nscd/db*                    rmix,
  /{var/db,var/cache,var/lib,var/run,run}/nscd/{passwd,group,services,hosts}  r,

  # ---- systemd's dynamic users ------------------------------------------
  dbus send
       bus=system
       path=/org/freedesktop/systemd1
       interface=org.freedesktop.systemd1.Manager
       member={GetDynamicUsers,LookupDynamicUserByName,LookupDynamicUserByUID}
       peer=(name=org.freedesktop.systemd1),

  # ---- Other sources the switch may be configured to use -----------------
  include <abstractions/nis>
  include <abstractions/ldapclient>
  include <abstractions/winbind>
  include <abstractions/likewise>
  include <abstractions/mdns>
  include <abstractions/kerberosclient>
  include <abstractions/nss-systemd>

  # Site additions to this abstraction, when the folder exists.
  include if exists <abstractions/nameservice.d>
`;

/** Relative path under `/etc/apparmor.d` → file text, for `abstractions/nameservice`. */
export const NAMESERVICE_ABSTRACTIONS: Readonly<Record<string, string>> = {
  'abstractions/nameservice': NAMESERVICE,
};
