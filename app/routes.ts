import { type RouteConfig, index } from '@remix-run/route-config'

// Every URL of the site, in one place (v3_routeConfig, as React Router 7 does it).
export default [index('routes/_index.tsx')] satisfies RouteConfig
