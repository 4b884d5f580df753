import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/widget/v1/openapi.json/route";
import { NextRequest } from "next/server";

describe("OpenAPI document", () => {
  it("lists every endpoint with request schemas from the zod schemas", async () => {
    const doc = await (await GET(new NextRequest("http://localhost:3000/api/widget/v1/openapi.json"))).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/config",
      "/conversations",
      "/conversations/{id}",
      "/conversations/{id}/events",
      "/conversations/{id}/feedback",
      "/conversations/{id}/handoff",
      "/conversations/{id}/messages",
      "/conversations/{id}/resolve",
      "/escalations",
    ]);
    const start = doc.paths["/conversations"].post.requestBody.content["application/json"].schema;
    expect(start.properties.channel.enum).toEqual(["web_chat", "sms"]);
    expect(doc.paths["/escalations"].post.parameters[0].name).toBe("Idempotency-Key");
  });
});
