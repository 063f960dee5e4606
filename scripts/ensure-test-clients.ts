// The vendor-API and NBD tests drive real clients from Debian: ansible-playbook (with IBM's and
// NetApp's collections), ssh and sshpass, qemu-img/qemu-io and nbdcopy/nbdinfo. When one is
// missing, install it if we can (root with apt), otherwise stop with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';

const CLIENTS: { command: string; pkg: string }[] = [
  { command: 'ansible-playbook', pkg: 'ansible' },
  { command: 'ssh', pkg: 'openssh-client' },
  { command: 'sshpass', pkg: 'sshpass' },
  { command: 'qemu-img', pkg: 'qemu-utils' },
  { command: 'nbdcopy', pkg: 'libnbd-bin' },
];

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function ensureTestClients(): void {
  const missing = CLIENTS.filter((client) => !has(client.command)).map((client) => client.pkg);
  if (missing.length === 0) return;
  const install = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(`grainline: the vendor-API tests need Debian's ${missing.join(', ')}. Install and re-run:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
  console.log(`grainline: installing Debian's ${missing.join(', ')} as root: ${install}`);
  execFileSync('sh', ['-c', install], { stdio: 'inherit' });
}

if (require.main === module) ensureTestClients();
