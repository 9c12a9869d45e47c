// Public surface of the HTTP server.
export { createServerApp, type ServerAppOptions } from "./create-server-app.js";
export { startServer, type RunningServer } from "./start-server.js";
export type { GatewayLike, GatewayResponseLike } from "./gateway-like.js";
export { DEFAULT_BODY_LIMIT } from "./json-body.js";
export { LIST_LIMIT, listGenerations, type GenerationsPage } from "./generations-list-query.js";
export { usagePageRoutes, type UsagePageRouteOptions } from "./usage-page-route.js";
