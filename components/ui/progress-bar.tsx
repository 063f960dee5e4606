// A thin progress track for anything long (a copy, a stop's cleaning): the percent as its width,
// read out as a progressbar with the caller's label.
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 overflow-hidden rounded-full bg-bar-track"
    >
      <div className="h-full rounded-full bg-accent transition-[width] duration-100 ease-linear" style={{ width: `${percent}%` }} />
    </div>
  );
}
