/**
 * The bundled name sources that `abstractions/nameservice` includes: NIS, LDAP, winbind, Likewise, mDNS,
 * Kerberos and systemd's user database. AppArmor Lab's own text, granting exactly what Debian's apparmor
 * 3.0.8 files grant. Each is short, so they share a module.
 */

const NIS = `# abstractions/nis: users and hosts from a NIS (YP) domain.

  abi <abi/3.0>,

  # NIS clients bind to a privileged (below 1024) source port.
  capability net_bind_service,
  # Which NIS server this machine is bound to, per domain.
  /var/yp/binding/*  r,

  include if exists <abstractions/nis.d>
`;

const LDAPCLIENT = `# abstractions/ldapclient: users and groups from an LDAP directory.

  abi <abi/3.0>,

  # LDAP over TLS checks the server's certificate.
  include <abstractions/ssl_certs>

  # The local LDAP name service daemon (nslcd).
  @{run}/nslcd/socket         rw,
  # Client configuration, the bind password and OpenLDAP's CA folder.
  /etc/ldap.{conf,secret}     r,
  /etc/openldap/*             r,
  /etc/openldap/cacerts/*     r,
  # SASL authentication: its settings and its plugins.
  /{etc,usr/lib{,32,64}}/sasl2/*  r,

  include if exists <abstractions/ldapclient.d>
`;

const WINBIND = `# abstractions/winbind: users and groups from a Windows domain (Samba's winbindd).

  abi <abi/3.0>,

  # The winbindd sockets, normal and privileged.
  /tmp/.winbindd/pipe                        rw,
  /var/lib/samba/winbindd_privileged/pipe    rw,
  @{run}/samba/winbindd_privileged/pipe      rw,
  # Samba settings and character tables.
  /etc/samba/{smb,dhcp}.conf                 r,
  /usr/lib*/samba/{valid,upcase,lowcase}.dat r,
  /usr/share/samba/codepages/{valid,upcase,lowcase}.dat  r,

  include if exists <abstractions/winbind.d>
`;

const LIKEWISE = `# abstractions/likewise: users from Active Directory through Likewise Open.

  abi <abi/3.0>,

  # The lwidentity daemon's sockets, normal and privileged.
  /{tmp/.lwidentity,var/lib/likewise-open/lwidentity_privileged}/pipe  rw,

  include if exists <abstractions/likewise.d>
`;

const MDNS = `# abstractions/mdns: .local host names through nss-mdns.

  abi <abi/3.0>,

  # The mdnsd daemon's socket, and which names may be resolved by
  # multicast DNS (nss-mdns settings).
  @{run}/mdnsd  w,
  /etc/{mdns.allow,nss_mdns.conf}  r,

  include if exists <abstractions/mdns.d>
`;

const KERBEROSCLIENT = `# abstractions/kerberosclient: authenticating with Kerberos.

  abi <abi/3.0>,

  # Realm configuration.
  /etc/{krb5.conf,krb.conf,krb.realms,srvtab}  r,
  /etc/krb5.conf.d/{,*}                        r,
  # The host's keys; "k" lets the library lock the keytab while reading it.
  /etc/krb5.keytab                             rk,
  # Credential caches of the users.
  /tmp/krb5cc*                                 r,
  # libkrb5 and pre-authentication plugins (listed, then mapped).
  /usr/lib{,32,64}/krb5/plugins/{libkrb5,preauth}/        r,
  /usr/lib{,32,64}/krb5/plugins/{libkrb5,preauth}/*       mr,
  /usr/lib/@{multiarch}/krb5/plugins/{libkrb5,preauth}/   r,
  /usr/lib/@{multiarch}/krb5/plugins/{libkrb5,preauth}/*  mr,

  include if exists <abstractions/kerberosclient.d>
`;

const NSS_SYSTEMD = `# abstractions/nss-systemd: users and groups from systemd's user database.

  abi <abi/3.0>,

  # The userdb folder holds one socket per service that knows users.
  @{run}/systemd/userdb/  r,
  # The multiplexer asks all of them; the others are: users of
  # DynamicUser= services, systemd-homed homes, classic NSS, and machines.
  @{run}/systemd/userdb/io.systemd.{Multiplexer,DynamicUser,Home,NameServiceSwitch,Machine}  rw,
  # The current boot's id, which systemd's client code reads.
  @{PROC}/sys/kernel/random/boot_id  r,

  include if exists <abstractions/nss-systemd.d>
`;

/** Relative path under `/etc/apparmor.d` → file text, for the sources `abstractions/nameservice` includes. */
export const NAME_SOURCE_ABSTRACTIONS: Readonly<Record<string, string>> = {
  'abstractions/nis': NIS,
  'abstractions/ldapclient': LDAPCLIENT,
  'abstractions/winbind': WINBIND,
  'abstractions/likewise': LIKEWISE,
  'abstractions/mdns': MDNS,
  'abstractions/kerberosclient': KERBEROSCLIENT,
  'abstractions/nss-systemd': NSS_SYSTEMD,
};
