import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createDb } from "@cando/storage";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../test-support";
import { compression } from "./compression";

const big = { items: Array.from({ length: 200 }, (_, i) => ({ i, text: "the same words again" })) };

function app() {
  const app = new Hono();
  app.use("*", compression());
  app.get("/big", (c) => c.json(big));
  app.get("/small", (c) => c.json({ ok: true }));
  app.get("/feed.ics", (c) =>
    c.body("BEGIN:VCALENDAR\r\n".repeat(200), 200, { "Content-Type": "text/calendar" }),
  );
  app.get("/assets/app.js", (c) =>
    c.body("console.log('hello');\n".repeat(200), 200, {
      "Content-Type": "text/javascript",
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: '"abc"',
    }),
  );
  return app;
}

const get = (path: string, encoding?: string) =>
  app().request(path, { headers: encoding ? { "Accept-Encoding": encoding } : {} });

describe("compression", () => {
  it("sends JSON as Brotli when the client takes it, gzip otherwise, and the same data", async () => {
    const br = await get("/big", "gzip, deflate, br");
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toBe("Accept-Encoding");
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get("Content-Length"))).toBe(brBody.length);
    expect(JSON.parse(brotliDecompressSync(brBody).toString())).toEqual(big);

    const gz = await get("/big", "gzip");
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(big);
  });

  it("sends it as it is to a client that takes no encoding, still saying it varies", async () => {
    const plain = await get("/big");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Vary")).toBe("Accept-Encoding");
    expect(await plain.json()).toEqual(big);
    expect((await get("/big", "identity, br;q=0")).headers.get("Content-Encoding")).toBeNull();
  });

  it("leaves small answers and the calendar feed uncompressed", async () => {
    expect((await get("/small", "br")).headers.get("Content-Encoding")).toBeNull();
    const feed = await get("/feed.ics", "gzip, br");
    expect(feed.headers.get("Content-Encoding")).toBeNull();
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  });

  it("compresses an immutable asset once and weakens its ETag", async () => {
    const served = app();
    const one = await served.request("/assets/app.js", { headers: { "Accept-Encoding": "br" } });
    const two = await served.request("/assets/app.js", { headers: { "Accept-Encoding": "br" } });
    expect(one.headers.get("Content-Encoding")).toBe("br");
    expect(one.headers.get("ETag")).toBe('W/"abc"');
    expect(Buffer.from(await two.arrayBuffer())).toEqual(Buffer.from(await one.arrayBuffer()));
  });

  it("compresses the app's own answers, with the security headers kept", async () => {
    const db = createDb(":memory:");
    try {
      const { app: cando } = buildTestApp(db);
      const doc = await cando.request("/api/openapi.json", {
        headers: { "Accept-Encoding": "gzip" },
      });
      expect(doc.status).toBe(200);
      expect(doc.headers.get("Content-Encoding")).toBe("gzip");
      expect(doc.headers.get("Content-Security-Policy")).toBeTruthy();
      const parsed = JSON.parse(gunzipSync(Buffer.from(await doc.arrayBuffer())).toString());
      expect(parsed.openapi).toBe("3.1.0");
    } finally {
      await db.destroy();
    }
  });
});
