/**
 * The bundled `abstractions/ssl_certs` (trusted CA certificates and issued certificates) and
 * `abstractions/openssl` (OpenSSL's configuration). AppArmor Lab's own text, granting exactly what Debian's
 * apparmor 3.0.8 files grant.
 */

const SSL_CERTS = `# abstractions/ssl_certs: reading certificates, never private keys.
#
# Any TLS client or server must read the certificate authorities it
# trusts; servers also read their own certificate chain. Private keys are
# deliberately left out: a profile that needs one names it itself.

  abi <abi/3.0>,

  # ---- Trusted certificate authorities, as each distribution stores them --
  /etc/ca-certificates/{,**}              r,
  /usr/share/ca-certificates/{,**}        r,
  /usr/local/share/ca-certificates/{,**}  r,
  /var/lib/ca-certificates/{,**}          r,
  /usr/share/ssl/certs/ca-bundle.crt      r,
  # OpenSSL's and LibreSSL's folders.
  /etc/{,libre}ssl/                       r,
  /etc/{,libre}ssl/cert.pem               r,
  /etc/{,libre}ssl/certs/{,**}            r,
  # The pki trust store of p11-kit based systems (Fedora, SUSE) and its
  # lists of distrusted certificates, spelt blacklist or blocklist.
  /{etc,usr/share}/pki/trust/{,*}                                  r,
  /{etc,usr/share}/pki/trust/{anchors,bl[oa]cklist}/{,**}          r,
  /{etc,usr/share}/pki/bl[ao]cklist/{,*}                           r,

  # ---- Certificates issued by ACME clients (Let's Encrypt) ---------------
  /etc/{letsencrypt,certbot}/archive/*/{cert,chain,fullchain}*.pem  r,
  /{etc,var/lib}/dehydrated/certs/*/{cert,chain,fullchain}*.pem     r,
  /{etc,var/lib}/dehydrated/certs/*/ocsp*.der                        r,
  /var/lib/acme/certs/*/{cert,chain}                                 r,

  # System-wide crypto policies (which algorithms TLS may use).
  /{etc,usr/share}/crypto-policies/*/*.txt  r,

  include if exists <abstractions/ssl_certs.d>
`;

const OPENSSL = `# abstractions/openssl: OpenSSL's configuration files.

  abi <abi/3.0>,

  # The main configuration file, in the usual places.
  /{etc,usr/share}/ssl/openssl.cnf  r,
  # Extra configuration for crypto engines.
  /etc/ssl/{engdef,engines}.d/{,*.cnf}  r,
  # Whether the kernel runs in FIPS mode.
  @{PROC}/sys/crypto/fips_enabled  r,

  include if exists <abstractions/openssl.d>
`;

/** Relative path under `/etc/apparmor.d` → file text, for `abstractions/ssl_certs` and `abstractions/openssl`. */
export const CERTIFICATE_ABSTRACTIONS: Readonly<Record<string, string>> = {
  'abstractions/ssl_certs': SSL_CERTS,
  'abstractions/openssl': OPENSSL,
};
