// Fetching feeds and pages over HTTP: see fetch.ts for what one fetch does,
// client.ts for what all fetches of a run share.
export { HttpClient, DEFAULTS, type HttpClientOptions } from './client.js';
export { fetchResource, parseRetryAfter, FEED_ACCEPT, PAGE_ACCEPT, MAX_REDIRECTS, type FetchOptions, type FetchResult } from './fetch.js';
export { FetchError, type FetchErrorKind } from './errors.js';
export { proxyFor, type ProxyEnv } from './proxy.js';
