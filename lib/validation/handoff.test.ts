import { describe, expect, it } from "vitest";
import { handoffFormToObject, saveHandoffSchema } from "@/lib/validation/handoff";

function issues(input: unknown) {
  const result = saveHandoffSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
}

describe("saveHandoffSchema", () => {
  it("accepts a helpdesk choice and a message with https links", () => {
    expect(issues({ method: "helpdesk", destination: "gorgias", version: "3" })).toEqual([]);
    expect(issues({ method: "message", message: " Hi ", links: [{ label: "FAQ", url: "https://demo.test/faq" }], version: 0 })).toEqual([]);
  });

  it("names each problem with a stable code", () => {
    expect(issues({ method: "message", message: "   ", links: [], version: 0 })).toEqual(["message:message_required"]);
    expect(issues({ method: "message", message: "x".repeat(1001), links: [], version: 0 })).toEqual(["message:message_too_long"]);
    expect(issues({ method: "helpdesk", destination: "freshdesk", version: 0 })).toEqual(["destination:destination_required"]);
    expect(issues({ method: "phone", version: 0 })).toEqual(["method:method_required"]);
    expect(
      issues({
        method: "message",
        message: "Hi",
        links: [
          { label: "", url: "https://demo.test" },
          { label: "Bad", url: "javascript:alert(1)" },
          { label: "Ftp", url: "ftp://demo.test/file" },
          { label: "Nothing", url: "" },
        ],
        version: 0,
      }),
    ).toEqual(["links.0.label:link_label_required", "links.1.url:link_url_invalid", "links.2.url:link_url_invalid", "links.3.url:link_url_required"]);
    const six = Array.from({ length: 6 }, (_, i) => ({ label: `L${i}`, url: `https://demo.test/${i}` }));
    expect(issues({ method: "message", message: "Hi", links: six, version: 0 })).toEqual(["links:too_many_links"]);
  });
});

describe("handoffFormToObject", () => {
  it("reads links by index and drops rows left empty", () => {
    const form = new FormData();
    form.set("method", "message");
    form.set("message", "Hello");
    form.set("version", "2");
    form.set("links.1.label", "Contact");
    form.set("links.1.url", "https://demo.test/contact");
    form.set("links.0.label", "FAQ");
    form.set("links.0.url", "https://demo.test/faq");
    form.set("links.2.label", " ");
    form.set("links.2.url", "");
    expect(handoffFormToObject(form)).toEqual({
      method: "message",
      destination: null,
      message: "Hello",
      links: [
        { label: "FAQ", url: "https://demo.test/faq" },
        { label: "Contact", url: "https://demo.test/contact" },
      ],
      translations: {},
      version: "2",
    });
  });

  it("reads the other languages' versions from their JSON field, and unreadable JSON as none", () => {
    const form = new FormData();
    form.set("method", "message");
    form.set("message", "Hello");
    form.set("version", "0");
    form.set("translations", JSON.stringify({ "pt-BR": { message: "Olá", links: [] } }));
    expect(handoffFormToObject(form)).toMatchObject({ translations: { "pt-BR": { message: "Olá", links: [] } } });
    expect(saveHandoffSchema.parse(handoffFormToObject(form))).toMatchObject({ translations: { "pt-BR": { message: "Olá", links: [] } } });
    form.set("translations", "{not json");
    expect(handoffFormToObject(form)).toMatchObject({ translations: {} });
    form.set("translations", JSON.stringify({ xx: { message: "?" } }));
    expect(saveHandoffSchema.safeParse(handoffFormToObject(form)).success).toBe(false);
  });
});

describe("links typed without a scheme", () => {
  const save = (url: string) => saveHandoffSchema.safeParse({ method: "message", message: "Try these:", links: [{ label: "Help", url }], version: 0 });

  it("are saved as https pages", () => {
    const parsed = save("  help.example.com/returns ");
    expect(parsed.success && parsed.data.method === "message" && parsed.data.links[0]?.url).toBe("https://help.example.com/returns");
  });

  it("keep a scheme that was typed, and other schemes are still refused", () => {
    const http = save("http://help.example.com");
    expect(http.success && http.data.method === "message" && http.data.links[0]?.url).toBe("http://help.example.com");
    expect(save("javascript:alert(1)").error?.issues[0]?.message).toBe("link_url_invalid");
    expect(save("not a url").error?.issues[0]?.message).toBe("link_url_invalid");
  });
});
