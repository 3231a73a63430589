"""Submission bundles: build, sign, encrypt, verify, import; keys and trust store."""
