// The simulated storage as one object: commands in, typed events out.
// This first cut holds the fleet; clock, data plane and copy services join it (Engine issue).
import { Fleet, type FleetSnapshot } from './fleet';

export class Engine {
  readonly fleet = new Fleet();

  load(snapshot: FleetSnapshot): void {
    this.fleet.load(snapshot);
  }
}
