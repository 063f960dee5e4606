// Loaded with `node --import` (NODE_OPTIONS) into a server the benchmarks start: profiles its
// whole life like --cpu-prof, which Node does not accept in NODE_OPTIONS, and writes the profile
// to $GRAINLINE_CPU_PROF_DIR when the process exits (process.exit included).
// With GRAINLINE_CPU_PROF_WINDOWS=1 it profiles only between pairs of SIGUSR2 (the benchmark's
// measuring windows), one profile per window: a whole life is mostly setting up.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.GRAINLINE_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  let running = false;
  let windows = 0;
  const start = () => {
    session.post('Profiler.start');
    running = true;
  };
  const stop = (name) => {
    // A session on the process's own thread answers synchronously, so this runs before exit.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(result.profile));
    });
    running = false;
  };
  if (process.env.GRAINLINE_CPU_PROF_WINDOWS === '1') {
    process.on('SIGUSR2', () => {
      if (!running) start();
      else stop(`server-${process.pid}-window-${++windows}`);
    });
  } else {
    start();
    process.on('exit', () => stop(`server-${process.pid}`));
  }
}
