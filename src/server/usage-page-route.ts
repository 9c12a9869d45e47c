// The live usage page's two routes: GET /usage (the page, no key: it holds no data and no secret)
// and GET /usage/requests (the data, behind the same bearer auth as /v1). The data is the list mode
// of GET /v1/generations — same query, cursor, limits and errors — passed through a `view`.
import { Router } from "express";
import type { UsageLog } from "../gateway/usage/usage-log.js";
import { contentSecurityPolicy } from "../report-html/content-security-policy.js";
import { bearerAuth, type BearerAuthOptions } from "./bearer-auth.js";
import { type GenerationsPage, listGenerations } from "./generations-list-query.js";
import { sendError } from "./send-error.js";

export interface UsagePageRouteOptions {
  usage: Pick<UsageLog, "listAfter" | "total">;
  /** The page, rendered once; or why it could not be (e.g. a missing asset). */
  page: { html: string } | { error: string };
  auth: BearerAuthOptions;
  /** What the page reads for one page of records (serve: the run report's request rows). */
  view: (page: GenerationsPage) => unknown;
}

/**
 * Mount before the gateway's app, whose catch-all 404 would otherwise answer these paths.
 *
 * @example
 * app.use(usagePageRoutes({ usage: gateway.usage, page: { html }, auth: { apiKeys: [key] }, view }));
 * app.use(createServerApp({ gateway, apiKeys: [key] }));
 */
export function usagePageRoutes(options: UsagePageRouteOptions): Router {
  const router = Router();
  const { page } = options;
  const headers =
    "html" in page
      ? { "content-type": "text/html; charset=utf-8", "content-security-policy": contentSecurityPolicy(page.html), "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" }
      : {};
  router.get("/usage", function usagePageHandler(_req, res) {
    if ("error" in page) res.status(503).type("text/plain").send(`The usage page is unavailable: ${page.error}\n`);
    else
      res
        .status(200)
        .set({ ...headers, "cache-control": "no-store" })
        .send(page.html);
  });
  router.get("/usage/requests", bearerAuth(options.auth), function usageRequestsHandler(req, res) {
    const listed = listGenerations(options.usage, req.query);
    if (!listed.ok) sendError(res, listed.error);
    else res.status(200).set("cache-control", "no-store").json(options.view(listed.page));
  });
  return router;
}
