import { describe, expect, it } from 'vitest';
import { eventTime, formatTimestamp, simulatedTime } from './clock-format';

describe('clock format', () => {
  it('shows an event in simulated time with the real time on hover', () => {
    const simulatedIso = new Date(2026, 10, 22, 15, 0, 40).toISOString();
    const wallIso = new Date(2026, 10, 22, 13, 46, 39).toISOString();
    const shown = eventTime({ time: wallIso, simulatedTime: simulatedIso });
    expect(shown.text).toBe('2026-11-22 15:00:40');
    expect(shown.iso).toBe(simulatedIso);
    expect(shown.title).toBe('Simulated time · real time 2026-11-22 13:46:39');
  });

  it('falls back to the wall time, saying so, for entries logged before simulated time was kept', () => {
    const wallIso = new Date(2026, 0, 2, 3, 4, 5).toISOString();
    const shown = eventTime({ time: wallIso, simulatedTime: null });
    expect(shown.text).toBe('2026-01-02 03:04:05');
    expect(shown.title).toMatch(/^Real time/);
  });

  it('labels a simulated time without a known wall time', () => {
    expect(simulatedTime(new Date(2026, 0, 2, 3, 4, 5).toISOString()).title).toBe('Simulated time');
  });

  it('shows text that is not a time as it came', () => {
    expect(formatTimestamp('soon')).toBe('soon');
  });
});
