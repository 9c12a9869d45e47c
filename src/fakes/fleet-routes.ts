// Which fake answers a URL: by origin, then the longest base path, as the real hosts are laid out.

export interface FleetRoute {
  provider: string;
  origin: string;
  basePath: string;
}

export type RouteMatch = { provider: string; relativePath: string } | undefined;

/** Routes from provider base URLs; two providers on one base URL is a configuration error. */
export function buildRoutes(providers: readonly { id: string; baseUrl: string }[]): FleetRoute[] {
  const routes: FleetRoute[] = [];
  for (const { id, baseUrl } of providers) {
    const url = new URL(baseUrl);
    const route = { provider: id, origin: url.origin, basePath: url.pathname.replace(/\/+$/, "") };
    const clash = routes.find((r) => r.origin === route.origin && r.basePath === route.basePath);
    if (clash) throw new Error(`fake providers "${clash.provider}" and "${id}" share the base URL ${baseUrl}: give one of them another base_url`);
    routes.push(route);
  }
  // Longest base path first, so /v1/openai wins over /v1 on the same host.
  return routes.sort((a, b) => b.basePath.length - a.basePath.length);
}

/**
 * The provider for `url` and the path below its base URL; undefined when no fake has this host.
 * A known host with an unknown path goes to that host's provider, which answers 404 as it would.
 *
 * @example
 * matchRoute(routes, new URL("https://api.openai.com/v1/chat/completions")); // { provider: "openai", relativePath: "/chat/completions" }
 */
export function matchRoute(routes: readonly FleetRoute[], url: URL): RouteMatch {
  const sameHost = routes.filter((r) => r.origin === url.origin);
  const route = sameHost.find((r) => url.pathname === r.basePath || url.pathname.startsWith(`${r.basePath}/`));
  if (route) return { provider: route.provider, relativePath: url.pathname.slice(route.basePath.length) };
  const fallback = sameHost[sameHost.length - 1];
  return fallback ? { provider: fallback.provider, relativePath: url.pathname } : undefined;
}
