"""The outbox and the client that talks to the province hub."""
