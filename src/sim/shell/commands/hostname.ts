/** `hostname` (net-tools): prints the node's name; `-s` the short name, `-f` the FQDN, `-i`/`-I` an address. */
import type { CommandSpec } from '../registry.ts';
import { programName } from './support/output.ts';

// net-tools 2.10 hostname.c usage(): printed on stdout, for -h/--help too, always with status 255
const USAGE = [
  'Usage: hostname [-b] {hostname|-F file}         set host name (from file)',
  '       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name',
  '       hostname                                 display host name',
  '',
  '       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)',
  '       {yp,nis,}domainname                      display NIS domain name',
  '',
  '       dnsdomainname                            display dns domain name',
  '',
  '       hostname -V|--version|-h|--help          print info and exit',
  '',
  'Program name:',
  '       {yp,nis,}domainname=hostname -y',
  '       dnsdomainname=hostname -d',
  '',
  'Program options:',
  '    -a, --alias            alias names',
  '    -A, --all-fqdns        all long host names (FQDNs)',
  '    -b, --boot             set default hostname if none available',
  '    -d, --domain           DNS domain name',
  '    -f, --fqdn, --long     long host name (FQDN)',
  '    -F, --file             read host name or NIS domain name from given file',
  '    -i, --ip-address       addresses for the host name',
  '    -I, --all-ip-addresses all addresses for the host',
  '    -s, --short            short host name',
  '    -y, --yp, --nis        NIS/YP domain name',
  '',
  'Description:',
  '   This command can get or set the host name or the NIS domain name. You can',
  '   also get the DNS domain or the FQDN (fully qualified domain name).',
  '   Unless you are using bind or NIS for host lookups you can change the',
  '   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is',
  '   part of the FQDN) in the /etc/hosts file.',
].map((line) => `${line}\n`).join('');

/** The node's own address (the service table's view of the node itself). */
const NODE_ADDRESS = '10.0.0.2';

/** The `hostname` program. */
export const hostnameCommand: CommandSpec = {
  name: 'hostname',
  summary: 'show or set the system\'s host name',
  usage: 'hostname [-s|-f|-i|-I] [NAME]',
  options: [
    { flag: '-s, --short', summary: 'short host name' },
    { flag: '-f, --fqdn, --long', summary: 'long host name (FQDN)' },
    { flag: '-i, --ip-address', summary: 'addresses for the host name' },
    { flag: '-I, --all-ip-addresses', summary: 'all addresses for the host' },
  ],
  help: 'own',
  run(inv) {
    const name = programName(inv, 'hostname');
    const args = inv.argv.slice(1);
    const host = inv.node.hostname;
    const bad = args.find((a) => a.startsWith('-') && !['-s', '--short', '-f', '--fqdn', '--long', '-i', '--ip-address', '-I', '--all-ip-addresses'].includes(a));
    if (bad === '-h' || bad === '--help') return { stdout: USAGE, stderr: '', exitCode: 255 };
    if (bad !== undefined) {
      const what = bad.startsWith('--') ? `unrecognized option '${bad}'` : `invalid option -- '${bad[1] ?? ''}'`;
      return { stdout: USAGE, stderr: `${name}: ${what}\n`, exitCode: 255 };
    }
    const operands = args.filter((a) => !a.startsWith('-'));
    if (operands.length > 0) {
      // sethostname(2) needs CAP_SYS_ADMIN; the node's name itself is fixed in this model
      if (!inv.proc.capable('sys_admin')) return { stdout: '', stderr: `${name}: you must be root to change the host name\n`, exitCode: 1 };
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const flag = args[args.length - 1];
    if (flag === '-i' || flag === '--ip-address') return { stdout: `${NODE_ADDRESS}\n`, stderr: '', exitCode: 0 };
    if (flag === '-I' || flag === '--all-ip-addresses') return { stdout: `${NODE_ADDRESS} \n`, stderr: '', exitCode: 0 };
    if (flag === '-s' || flag === '--short') return { stdout: `${host.split('.')[0] ?? host}\n`, stderr: '', exitCode: 0 };
    return { stdout: `${host}\n`, stderr: '', exitCode: 0 };
  },
};
