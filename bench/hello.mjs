// The ceiling for an HTTP answer on this machine: bare Hono on the Node server, doing nothing.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

serve(
  {
    fetch: new Hono().get("/", (c) => c.text("ok")).fetch,
    hostname: "127.0.0.1",
    port: Number(process.env.PORT ?? 0),
  },
  (info) => console.log(`listening ${info.port}`),
);
