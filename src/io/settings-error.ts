/** A wrong or missing setting: a usage error (exit 2), not a Vault failure. */
export class SettingsError extends Error {}
