// A Content-Security-Policy for a page built by renderPage when it is served over HTTP: only its own
// inline scripts run (by hash), it may fetch only its own origin, and nothing may frame it.
import { createHash } from "node:crypto";

/**
 * @example
 * res.set("content-security-policy", contentSecurityPolicy(html)).type("html").send(html);
 */
export function contentSecurityPolicy(html: string): string {
  // renderPage writes executable scripts as bare `<script>`; the data block has a type and is not run.
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash("sha256")
        .update(m[1] ?? "")
        .digest("base64")}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
