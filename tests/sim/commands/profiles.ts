// Profiles the command tests load (the Kubernetes tutorial's deny-write profile and small variants).

/** The Kubernetes docs' deny-write profile. */
export const DENY_WRITE = `#include <tunables/global>
profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>
  file,
  deny /** w,
}`;

/** Runs programs, reads everything, but has no network rule at all. */
export const NO_NETWORK = `#include <tunables/global>
profile no-network {
  #include <abstractions/base>
  file,
}`;

/** Files and TCP/UDP over IPv4 only. */
export const INET_ONLY = `#include <tunables/global>
profile inet-only {
  #include <abstractions/base>
  file,
  network inet stream,
  network inet dgram,
}`;
