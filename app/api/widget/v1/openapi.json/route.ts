// GET /api/widget/v1/openapi.json — the widget API's OpenAPI 3.1 document (public, no key).
import type { NextRequest } from "next/server";
import { widgetOpenApi } from "@/lib/widget/openapi";

export function GET(request: NextRequest) {
  return Response.json(widgetOpenApi(request.nextUrl.origin), { headers: { "Access-Control-Allow-Origin": "*" } });
}
