// Runs one SVC command for REST and SSH alike: the command's options checked, the role checked
// (monitors run ls commands only), the array loaded, the command run through Grainline's services,
// and every task — refusals included — put on the audit trail.
import type { Principal } from '../../auth/principal';
import { roleMay } from '../../auth/roles';
import type { ArrayView } from '../../services/dto';
import type { Runtime } from '../../runtime';
import { auditVendor } from '../credentials';
import { optionKind, svcCommand, type SvcCommand } from './commands';
import { invalidArgument, roleRefused, SvcError, svcErrorOf, unsupportedParameter } from './errors';
import type { Invocation } from './invocation';
import type { SvcOutput } from './output';
import { loadSystem } from './system';

export class UnknownCommandError extends SvcError {
  constructor(command: string) {
    super('CMMVC6051E', 'An unsupported action was selected.', `Grainline does not simulate the command "${command}"`, 404);
  }
}

export interface SvcRequest {
  runtime: Runtime;
  principal: Principal;
  address: string;
  array: ArrayView;
  invocation: Invocation;
  /** What the audit trail shows as asked: "POST /rest/mkfcmap" or the CLI line. */
  audit: { method: string; path: string };
}

export type SvcResult = { ok: true; output: SvcOutput } | { ok: false; error: SvcError };

function checkOptions(command: SvcCommand, invocation: Invocation): void {
  for (const [name, value] of Object.entries(invocation.options)) {
    const kind = optionKind(command, name);
    if (kind === undefined) throw unsupportedParameter(name);
    if (kind === 'value' && value === true) throw invalidArgument(`-${name} needs a value`);
  }
}

async function execute(request: SvcRequest, command: SvcCommand): Promise<SvcOutput> {
  checkOptions(command, request.invocation);
  if (command.kind === 'task' && !roleMay(request.principal.role, 'operate')) throw roleRefused(request.principal.role);
  const system = await loadSystem(request.runtime, request.array);
  return command.run({ system, actor: { name: request.principal.username }, invocation: request.invocation });
}

export async function runSvcCommand(request: SvcRequest): Promise<SvcResult> {
  const command = svcCommand(request.invocation.command);
  if (command === undefined) return { ok: false, error: new UnknownCommandError(request.invocation.command) };
  let result: SvcResult;
  try {
    result = { ok: true, output: await execute(request, command) };
  } catch (caught) {
    const error = svcErrorOf(caught);
    if (error === null) {
      request.runtime.log.error({ err: caught, command: request.invocation.command }, 'unhandled error in an SVC command');
      result = {
        ok: false,
        error: new SvcError('CMMVC5786E', 'The action failed because the cluster is not in a stable state.', 'internal error: the server logged the details'),
      };
    } else {
      result = { ok: false, error };
    }
  }
  if (command.kind === 'task') {
    await auditVendor(request.runtime, {
      principal: request.principal,
      address: request.address,
      method: request.audit.method,
      path: request.audit.path,
      status: result.ok ? 200 : result.error.status,
      ...(result.ok ? {} : { message: result.error.message }),
    });
  }
  return result;
}
