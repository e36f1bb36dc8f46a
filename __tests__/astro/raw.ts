/**
 * Raw HTTP against the Astro test server (no client), for tests of the
 * server itself: GET and POST a Deployment as the org owner, and a correct
 * update body for a stored Deployment with the given variables.
 */
import type { AstroTestServer } from '../../devserver/astro/index.js'
import { buildUpdateBody } from '../../src/core/astro/index.js'
import { asFetched } from './helpers.js'

export interface Raw {
  url(id?: string): string
  auth(): Record<string, string>
  get(id: string): Promise<Record<string, unknown>>
  post(
    id: string,
    body: unknown
  ): Promise<{ status: number; body: Record<string, unknown> }>
  bodyFor(
    id: string,
    env: Array<{ key: string; isSecret: boolean; value?: string }>
  ): Record<string, unknown>
}

export function raw(server: AstroTestServer): Raw {
  const url = (id?: string): string =>
    `${server.url}/organizations/${server.organizationId}/deployments${id ? `/${id}` : ''}`
  const auth = (): Record<string, string> => ({
    Authorization: `Bearer ${server.token}`
  })
  return {
    url,
    auth,
    async get(id) {
      const res = await fetch(url(id), { headers: auth() })
      expect(res.status).toBe(200)
      return (await res.json()) as Record<string, unknown>
    },
    async post(id, body) {
      const res = await fetch(url(id), {
        method: 'POST',
        headers: auth(),
        body: JSON.stringify(body)
      })
      const json = (await res.json()) as Record<string, unknown>
      return { status: res.status, body: json }
    },
    bodyFor(id, env) {
      const d = asFetched(server.store.get(id)!)
      return buildUpdateBody(d, env) as unknown as Record<string, unknown>
    }
  }
}
