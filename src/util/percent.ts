/** A fraction as a percentage with one decimal (0.825 -> "82.5%"); a dash when there is none. */
export function pct(fraction: number | undefined): string {
  return fraction === undefined ? '–' : `${(fraction * 100).toFixed(1)}%`;
}
