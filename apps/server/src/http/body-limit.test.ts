import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { openTestDatabase } from "@cando/storage/test-support";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../test-support";
import { deploymentFrom } from "./deployment";

// Over a real socket: the point is what a client that writes first and reads later receives.
describe("a body far over the limit, over a real connection", () => {
  let port = 0;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const test = await openTestDatabase("sqlite");
    let fetchApp: (request: Request, env?: object) => Response | Promise<Response> = () =>
      new Response(null, { status: 503 });
    const server = serve({ fetch: (r, env) => fetchApp(r, env), port: 0, hostname: "127.0.0.1" });
    await new Promise((done) => server.once("listening", done));
    port = (server.address() as AddressInfo).port;
    const { app } = buildTestApp(test.db, {
      deployment: deploymentFrom({ host: "127.0.0.1", port }),
    });
    fetchApp = app.fetch;
    close = async () => {
      await new Promise((done) => server.close(done));
      await test.close();
    };
  });
  afterAll(() => close());

  /** Writes the whole request, then reads the whole answer (as naive clients do). */
  function rawPost(body: Buffer, chunked: boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (d) => {
        answer += d.toString();
      });
      socket.on("error", reject);
      socket.on("close", () => resolve(answer));
      const head = [
        "POST /api/audits HTTP/1.1",
        `Host: 127.0.0.1:${port}`,
        "Content-Type: application/json",
        "Connection: close",
        chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${body.length}`,
        "",
        "",
      ].join("\r\n");
      socket.write(head);
      if (chunked) {
        for (let i = 0; i < body.length; i += 65_536) {
          const part = body.subarray(i, i + 65_536);
          socket.write(`${part.length.toString(16)}\r\n`);
          socket.write(part);
          socket.write("\r\n");
        }
        socket.end("0\r\n\r\n");
      } else socket.end(body);
    });
  }

  it.each([
    ["declared", false],
    ["chunked", true],
  ])("answers 413 with the error shape and no reset (%s)", async (_name, chunked) => {
    const answer = await rawPost(Buffer.alloc(20_000_000, "a"), chunked);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"payload_too_large"');
  });

  it("answers 413 to fetch() with a 3 MB body, every time", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/audits`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "a".repeat(3_000_000),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "payload_too_large",
      );
    }
  });
});
