// What commands would do, judged by the engine without running them: the wizard's review, the
// fail-controller dialog and the faults panel show these instead of restating the rules. Nothing
// changes, so nothing is saved and no event is raised.
import type { Preview, PreviewCommand } from '../../engine/preview/types';
import type { Runtime } from '../runtime';

export function previewCommands(runtime: Runtime, commands: readonly PreviewCommand[]): Preview[] {
  return runtime.engine.preview(commands);
}
