// Runs a real `ansible-playbook` against a local inventory and returns what every task reported,
// for the suites that drive Grainline's vendor surfaces with the vendors' own Ansible modules.
// Extra vars go through a temporary JSON file (-e @file), so passwords stay off the command line.
// Output comes from the json stdout callback: one document with every play, task and host result.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PLAYBOOK_TIMEOUT_MS = 180_000;

export interface TaskResult {
  play: string;
  task: string;
  host: string;
  changed: boolean;
  failed: boolean;
  skipped: boolean;
  msg: string | undefined;
  /** Everything the module returned (e.g. storage_array_facts), as Ansible reported it. */
  result: Record<string, unknown>;
}

export interface PlaybookRun {
  /** ansible-playbook's exit code: 0 all ok, 2 a task failed, 4 unreachable, … */
  code: number;
  /** stdout then stderr, to show when an expectation fails. */
  output: string;
  results: TaskResult[];
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Fails (does not skip) when Ansible is missing: these suites are part of what CI must run. */
export function requireAnsiblePlaybook(): void {
  if (!onPath('ansible-playbook')) {
    throw new Error(
      "ansible-playbook is not on PATH: install Debian's ansible package (apt-get install ansible), which also brings the vendor collections these tests run",
    );
  }
}

interface JsonCallbackDocument {
  plays?: { play?: { name?: string }; tasks?: { task?: { name?: string }; hosts?: Record<string, Record<string, unknown>> }[] }[];
}

function resultsOf(stdout: string): TaskResult[] {
  let document: JsonCallbackDocument;
  try {
    document = JSON.parse(stdout.slice(Math.max(0, stdout.indexOf('{')))) as JsonCallbackDocument;
  } catch {
    return []; // ansible failed before its callback wrote anything: `output` says why
  }
  return (document.plays ?? []).flatMap((play) =>
    (play.tasks ?? []).flatMap((task) =>
      Object.entries(task.hosts ?? {}).map(([host, result]) => ({
        play: play.play?.name ?? '',
        task: task.task?.name ?? '',
        host,
        changed: result.changed === true,
        failed: result.failed === true,
        skipped: result.skipped === true,
        msg: typeof result.msg === 'string' ? result.msg : undefined,
        result,
      })),
    ),
  );
}

/**
 * Runs `file` (absolute, or relative to tests/ansible) with `extraVars` against the inventory
 * "localhost," — playbooks use `connection: local` and `gather_facts: false`. `env` adds to or
 * overrides the environment (ANSIBLE_* settings included).
 */
export async function runPlaybook(file: string, extraVars: Record<string, unknown>, env: Record<string, string> = {}): Promise<PlaybookRun> {
  requireAnsiblePlaybook();
  const playbook = path.isAbsolute(file) ? file : path.join(__dirname, file);
  const varsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grainline-playbook-'));
  const varsFile = path.join(varsDir, 'extra-vars.json');
  fs.writeFileSync(varsFile, JSON.stringify(extraVars), { mode: 0o600 });
  try {
    const child = spawn('ansible-playbook', ['-i', 'localhost,', playbook, '-e', `@${varsFile}`], {
      cwd: varsDir,
      env: {
        ...process.env,
        ANSIBLE_HOST_KEY_CHECKING: 'False',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_STDOUT_CALLBACK: 'json',
        ANSIBLE_RETRY_FILES_ENABLED: 'False',
        ANSIBLE_LOCALHOST_WARNING: 'False',
        ANSIBLE_INVENTORY_UNPARSED_WARNING: 'False',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), PLAYBOOK_TIMEOUT_MS);
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal === null ? -1 : 128)));
    }).finally(() => clearTimeout(timer));
    return { code, output: `${stdout}\n${stderr}`, results: resultsOf(stdout) };
  } finally {
    fs.rmSync(varsDir, { recursive: true, force: true });
  }
}
