import { connect } from "node:net";
import { openTestDatabase } from "@cando/storage/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveTestApp } from "../test-support";

// Over a real socket: the point is what a client that writes first and reads later receives.
describe("a body far over the limit, over a real connection", () => {
  let port = 0;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const test = await openTestDatabase("sqlite");
    const served = await serveTestApp(test.db);
    port = Number(new URL(served.baseUrl).port);
    close = async () => {
      await served.close();
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
