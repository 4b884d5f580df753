// GET /api/health — liveness: answers without touching the database (also the benchmark's baseline).
export function GET() {
  return Response.json({ ok: true });
}
