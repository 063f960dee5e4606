// The real OpenSSH client, logging in with a password through sshpass as scripts do:
// `sshpass -p PASS ssh … -p PORT user@host <command>`; the command reaches the server as one line.
import { spawn } from 'node:child_process';

const SSH_TIMEOUT_MS = 20_000;

export interface SshLogin {
  username: string;
  password: string;
}

export interface SshRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SshTarget {
  port: number;
  host?: string;
  /** The client's own source address (`ssh -b`). */
  bindAddress?: string;
}

export function runSsh(target: SshTarget, login: SshLogin, command: string | null): Promise<SshRun> {
  const args = ['-p', login.password, 'ssh', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR'];
  args.push('-o', 'NumberOfPasswordPrompts=1', '-o', 'PubkeyAuthentication=no');
  if (target.bindAddress !== undefined) args.push('-b', target.bindAddress);
  args.push('-p', String(target.port), `${login.username}@${target.host ?? 'localhost'}`);
  if (command !== null) args.push(command);
  return new Promise((resolve, reject) => {
    const child = spawn('sshpass', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), SSH_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
