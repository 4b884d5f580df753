// Vitest stand-in for the server-only guard (tests import server modules directly).
