// One <time> for every timestamp on screen: the text, the machine-readable instant and, on hover,
// which clock it is (lib/client/clock-format.ts).
import type { ShownTime } from '@/lib/client/clock-format';

export function ClockTime({ time, className }: { time: ShownTime; className?: string }) {
  return (
    <time dateTime={time.iso} title={time.title} className={className}>
      {time.text}
    </time>
  );
}
