/**
 * Runs `work` over `items` with at most `limit` in flight, keeping order.
 * `stop()` from a callback lets no new item start (a dead server must not
 * be retried for every one of a thousand pending writes).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, stop: () => void) => Promise<R>
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array(items.length)
  let next = 0
  let stopped = false
  const stop = (): void => {
    stopped = true
  }
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T, stop)
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker)
  )
  return results
}
