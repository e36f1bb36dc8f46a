"""VaultBackend questions: how this provider reads secrets and which kwargs it accepts."""
