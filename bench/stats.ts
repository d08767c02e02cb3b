/** The q-quantile of samples (nearest rank, no interpolation); NaN for none. Shared by the benches that print medians and p95. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
