import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Deployment } from "./deployment";

/** One year; sent only when browsers reach Cando over HTTPS (it would be ignored otherwise). */
export const HSTS = "max-age=31536000";

/**
 * Security headers on every response: a strict CSP (frames refused by `frame-ancestors 'none'`
 * and the matching `X-Frame-Options: DENY`), no powerful browser features, HSTS over HTTPS.
 */
export function securityHeaders(deployment: Deployment): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: "DENY",
    strictTransportSecurity: deployment.https ? HSTS : false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      serial: [],
      bluetooth: [],
      hid: [],
      midi: [],
      displayCapture: [],
      publickeyCredentialsGet: [],
      browsingTopics: [],
    },
  });
}

/** API answers carry personal data: no browser or proxy may keep a copy. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set("Cache-Control", "no-store");
};
