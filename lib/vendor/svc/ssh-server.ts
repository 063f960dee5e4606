// The SVC CLI over SSH (ssh2): `ssh -p 7022 admin@v7000-lon-02 svcinfo lsfcmap -delim :`. Users and
// passwords are Grainline's; each exec runs one command through the same layer as REST and prints
// what the CLI prints (errors on stderr, exit status 1). No interactive shell, no SFTP.
import type net from 'node:net';
import { Server, type Connection, type ServerChannel } from 'ssh2';
import type { Principal } from '../../auth/principal';
import type { Runtime } from '../../runtime';
import { originOf, type ConnectionOrigin } from '../connection-origin';
import { checkCredentials } from '../credentials';
import { chooseArray, namesOfAddress } from './array-choice';
import { CommandNotFound, formatOutput, parseCommandLine } from './cli';
import { SvcError } from './errors';
import { runSvcCommand } from './run';

const COMMAND_CHARS_MAX = 8192;

function finish(channel: ServerChannel, stdout: string, stderr: string, code: number): void {
  if (stdout !== '') channel.write(stdout);
  if (stderr !== '') channel.stderr.write(stderr);
  channel.exit(code);
  channel.end();
}

async function runLine(
  runtime: Runtime,
  principal: Principal,
  address: string,
  localAddress: string | undefined,
  localPort: number,
  line: string,
): Promise<{ stdout: string; stderr: string; code: number }> {
  if (line.length > COMMAND_CHARS_MAX) return { stdout: '', stderr: `CMMVC6070E the command line is over ${COMMAND_CHARS_MAX} characters\n`, code: 1 };
  let invocation;
  try {
    invocation = parseCommandLine(line);
  } catch (error) {
    if (error instanceof CommandNotFound) return { stdout: '', stderr: `rbash: ${error.message}: command not found\n`, code: 127 };
    if (error instanceof SvcError) return { stdout: '', stderr: `${error.message}\n`, code: 1 };
    throw error;
  }
  try {
    const array = await chooseArray(runtime, [], () => namesOfAddress(localAddress, localPort));
    const result = await runSvcCommand({ runtime, principal, address, array, invocation, audit: { method: 'SSH', path: line } });
    if (!result.ok) return { stdout: '', stderr: `${result.error.message}\n`, code: 1 };
    return { stdout: formatOutput(result.output, invocation), stderr: '', code: 0 };
  } catch (error) {
    if (error instanceof SvcError) return { stdout: '', stderr: `${error.message}\n`, code: 1 };
    throw error;
  }
}

function serve(runtime: Runtime, client: Connection, origin: ConnectionOrigin): void {
  const address = origin.peerAddress;
  let principal: Principal | null = null;
  client.on('authentication', (context) => {
    if (context.method !== 'password') return context.reject(['password']);
    void checkCredentials(runtime, context.username, context.password, address).then(
      (check) => {
        if (!check.ok) return context.reject(['password']);
        principal = check.principal;
        context.accept();
      },
      () => context.reject(['password']),
    );
  });
  client.on('ready', () => {
    client.on('session', (accept) => {
      const session = accept();
      session.on('exec', (acceptExec, _reject, info) => {
        const channel = acceptExec();
        const who = principal;
        if (who === null) return finish(channel, '', 'not signed in\n', 1);
        runLine(runtime, who, address, origin.localAddress, origin.localPort, info.command).then(
          ({ stdout, stderr, code }) => finish(channel, stdout, stderr, code),
          (error: unknown) => {
            runtime.log.error({ err: error, command: info.command }, 'unhandled error in an SVC CLI command');
            finish(channel, '', 'CMMVC5786E The action failed because the cluster is not in a stable state.\n', 1);
          },
        );
      });
      session.on('shell', (acceptShell) => {
        const channel = acceptShell();
        finish(channel, '', 'Grainline answers one SVC command per connection: ssh … svcinfo lsfcmap\n', 1);
      });
      session.on('pty', (acceptPty) => acceptPty?.());
    });
  });
  client.on('error', () => client.end());
}

export interface SvcSshServer {
  /** Serves one client connection (the node's SSH port, or a relay from a backup node). */
  accept(socket: net.Socket): void;
  close(): Promise<void>;
}

export function createSvcSsh(runtime: Runtime, hostKey: string): SvcSshServer {
  const server = new Server({ hostKeys: [hostKey], banner: undefined }, (client) => {
    // ssh2 does not expose the socket the client came on; its connection keeps it (the address it
    // reached picks the array: when unknown, the only storwize array answers, as with an unmatched name).
    const socket = (client as unknown as { _sock?: net.Socket })._sock;
    serve(runtime, client, socket === undefined ? { peerAddress: 'unknown', localAddress: undefined, localPort: 0 } : originOf(socket));
  });
  const sockets = new Set<net.Socket>();
  return {
    accept(socket) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      server.injectSocket(socket);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}
