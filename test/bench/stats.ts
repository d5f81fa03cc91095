/** Small numeric helpers for the benchmark report. */

/** The q-quantile (0..1) of the samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Summary {
  median: number;
  p90: number;
}

export function summarise(samples: readonly number[]): Summary {
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9) };
}

/** Rejects when the promise takes longer than `ms`: a hung server must not hang the bench. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const MiB = 1024 * 1024;
