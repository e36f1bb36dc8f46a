// Tests exercise the Action front end, which prints workflow commands such as
// `::error::` or `::add-mask::`. When CI itself runs on GitHub, those lines
// would create real annotations or masks, so they are defused here.
const originalWrite = process.stdout.write.bind(process.stdout)

process.stdout.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
  const text =
    typeof chunk === 'string'
      ? chunk
      : Buffer.from(chunk as Uint8Array).toString()
  const defused = text.replace(/^::/gm, '[wf]::')
  return (originalWrite as (c: string, ...r: unknown[]) => boolean)(
    defused,
    ...rest
  )
}) as typeof process.stdout.write
