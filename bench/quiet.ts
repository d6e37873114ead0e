// Measurements that other processes can disturb are taken again while the machine was busy; the quietest counts.

export interface QuietOptions {
  /** Cores other processes may use during a measurement before it is taken again. */
  maxForeign: number;
  /** How many times to take it again at most. */
  retries: number;
  /** Told about each noisy attempt. */
  onNoisy(foreignCpuCores: number, again: boolean): void;
}

/** Runs `measure` until other processes stayed under `maxForeign`; returns the quietest attempt and the others. */
export async function quietest<T extends { foreignCpuCores?: number }>(
  measure: () => T | Promise<T>,
  options: QuietOptions,
): Promise<{ best: T; noisy: T[] }> {
  const attempts: T[] = [];
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    const result = await measure();
    attempts.push(result);
    const foreign = result.foreignCpuCores ?? 0;
    if (foreign <= options.maxForeign) break;
    options.onNoisy(foreign, attempt < options.retries);
  }
  attempts.sort((a, b) => (a.foreignCpuCores ?? 0) - (b.foreignCpuCores ?? 0));
  return { best: attempts[0]!, noisy: attempts.slice(1) };
}
