// The `debug` package (node-vault's and follow-redirects' logger); only
// what silence-debug.ts touches.
declare module 'debug' {
  interface CreateDebug {
    (namespace: string): (...args: unknown[]) => void
    enable(namespaces: string): void
    enabled(namespace: string): boolean
    disable(): string
  }
  const createDebug: CreateDebug
  export default createDebug
}
