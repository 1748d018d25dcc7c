/**
 * The bundled `/etc/apparmor.d/abi/3.0`: the kernel feature set that profiles declaring `abi <abi/3.0>,`
 * are written against (what the kernel of AppArmor 3.0's time mediates, and with which permission names).
 * Data only: a features tree in the kernel's flattened `name {value}` format. The format has no comments,
 * so they live here.
 */

// Layout: one top-level area per block, areas grouped by what they mediate (files and exec first, then
// IPC, then networking, then the policy interface). Leaf values are the kernel's own words; word order
// inside a value and the order of sibling entries carry no meaning, and apparmor_parser reads the tree
// whatever the indentation (tests/apparmor/bundle-parser.test.ts compiles with it to check).
const ABI_3_0 = `file {
  mask {create read write exec append mmap_exec link lock
  }
}
domain {
  version {1.2
  }
  change_hat {yes
  }
  change_hatv {yes
  }
  change_profile {yes
  }
  change_onexec {yes
  }
  stack {yes
  }
  attach_conditions {
    xattr {yes
    }
  }
  computed_longest_left {yes
  }
  post_nnp_subset {yes
  }
  fix_binfmt_elf_mmap {yes
  }
}
capability {0xffffff
}
caps {
  mask {chown dac_override dac_read_search fowner fsetid kill setgid setuid setpcap linux_immutable net_bind_service net_broadcast net_admin net_raw ipc_lock ipc_owner sys_module sys_rawio sys_chroot sys_ptrace sys_pacct sys_admin sys_boot sys_nice sys_resource sys_time sys_tty_config mknod lease audit_write audit_control setfcap mac_override mac_admin syslog wake_alarm block_suspend audit_read perfmon bpf
  }
}
rlimit {
  mask {cpu fsize data stack core rss nproc nofile memlock as locks sigpending msgqueue nice rtprio rttime
  }
}
mount {
  mask {mount umount pivot_root
  }
}
namespaces {
  profile {yes
  }
  pivot_root {no
  }
}
signal {
  mask {hup int quit ill trap abrt bus fpe kill usr1 segv usr2 pipe alrm term stkflt chld cont stop stp ttin ttou urg xcpu xfsz vtalrm prof winch io pwr sys emt lost
  }
}
ptrace {
  mask {read trace
  }
}
dbus {
  mask {acquire send receive
  }
}
network {
  af_unix {yes
  }
  af_mask {unspec unix inet ax25 ipx appletalk netrom bridge atmpvc x25 inet6 rose netbeui security key netlink packet ash econet atmsvc rds sna irda pppox wanpipe llc ib mpls can tipc bluetooth iucv rxrpc isdn phonet ieee802154 caif alg nfc vsock kcm qipcrtr smc xdp
  }
}
network_v8 {
  af_mask {unspec unix inet ax25 ipx appletalk netrom bridge atmpvc x25 inet6 rose netbeui security key netlink packet ash econet atmsvc rds sna irda pppox wanpipe llc ib mpls can tipc bluetooth iucv rxrpc isdn phonet ieee802154 caif alg nfc vsock kcm qipcrtr smc xdp
  }
}
policy {
  versions {
    v5 {yes
    }
    v6 {yes
    }
    v7 {yes
    }
    v8 {yes
    }
  }
  set_load {yes
  }
}
query {
  label {
    perms {allow deny audit quiet
    }
    data {yes
    }
    multi_transaction {yes
    }
  }
}
`;

/** Relative path under `/etc/apparmor.d` → file text, for the bundled feature ABI files. */
export const ABI: Readonly<Record<string, string>> = {
  'abi/3.0': ABI_3_0,
};
