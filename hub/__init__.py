"""The province hub: receives bundles over tus, verifies and indexes them, sends decisions back."""
