/** A large, realistic manifest: the mix a platform team's file grows into. */
export function generateManifest(entries: number): string {
  const lines = ['version: 1', 'vault:', '  mount: airflow', 'connections:']
  const connections = Math.floor(entries / 2)
  for (let i = 0; i < connections; i++) {
    if (i % 5 === 4) {
      lines.push(
        `  api_${i}:`,
        `    uri: 'http://api-${i}.example.com/v1?timeout=30&retries=3'`
      )
      continue
    }
    lines.push(
      `  warehouse_${i}:`,
      '    conn_type: postgres',
      `    host: db-${i}.internal.example.com`,
      `    port: ${5432 + (i % 100)}`,
      '    login: airflow',
      `    password: { env: DB_PASSWORD_${i} }`,
      '    schema: analytics',
      '    extra: { sslmode: require, connect_timeout: 10 }'
    )
  }
  lines.push('variables:')
  for (let i = connections; i < entries; i++) {
    lines.push(
      i % 3 === 0
        ? `  flags_${i}: { beta: true, rollout: ${i % 100} }`
        : `  setting_${i}: value-${i}`
    )
  }
  return lines.join('\n') + '\n'
}
