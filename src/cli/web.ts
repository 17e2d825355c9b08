// The HTTP client a command that reaches the web uses: one per run, so that
// its limits (requests at once, per host) hold across everything the run
// fetches. The web module is loaded on first use (see src/web/index.ts).
import type { FetchResult, HttpClient } from '../web/index.js';
import type { Context } from './context.js';

const webModule = () => import('../web/index.js');

/** Feeds and pages both: `news import URL` takes either. */
async function anyAccept(): Promise<string> {
  const { FEED_ACCEPT, PAGE_ACCEPT } = await webModule();
  return `${PAGE_ACCEPT.split(', */*')[0]}, ${FEED_ACCEPT}`;
}

export async function httpClient(ctx: Context, options: { maxPerHost?: number; maxConcurrent?: number } = {}): Promise<HttpClient> {
  const { HttpClient } = await webModule();
  return new HttpClient({ version: ctx.version, env: ctx.env, ...options });
}

/** Fetches a URL for import (a page or a feed), with the client's limits. */
export async function fetchForImport(client: HttpClient, signal?: AbortSignal): Promise<(url: string) => Promise<FetchResult>> {
  const { fetchResource } = await webModule();
  const accept = await anyAccept();
  return (url) => fetchResource(url, { accept, signal }, client);
}
