import type { Manifest } from '../core/manifest/schema.js'
import type { ProvisionSettings } from '../core/manifest/provision-schema.js'
import {
  createsSyncPolicy,
  planPolicyName,
  readerPolicyName,
  syncPolicyName
} from '../core/provision/names.js'
import {
  planPolicy,
  readerPolicy,
  syncPolicy
} from '../core/provision/policies.js'
import type { ProvisionReport } from '../core/provision/report.js'

/** The policies as HCL, for the plan: the CI ones even when not written. */
export function describePolicies(
  manifest: Manifest,
  provision: ProvisionSettings,
  kvVersion: 1 | 2
): NonNullable<ProvisionReport['policies']> {
  return {
    reader: {
      name: readerPolicyName(manifest),
      hcl: readerPolicy(manifest, kvVersion)
    },
    sync: {
      name: syncPolicyName(manifest),
      hcl: syncPolicy(manifest, kvVersion),
      written: createsSyncPolicy(provision)
    },
    plan: {
      name: planPolicyName(manifest),
      hcl: planPolicy(manifest, kvVersion),
      written: createsSyncPolicy(provision)
    }
  }
}
