import type { EdgeRequest, EdgeResponse } from './chain';

/**
 * Asks an origin running on this machine, as CloudFront would ask the real
 * one: the request's method, path, query string, headers and (replaced)
 * body. The answer comes back as Lambda@Edge writes a response. The edge
 * domain's only I/O, for the simulation's faces (CLI and VS Code).
 */
export async function fetchLocalOrigin(base: URL, request: EdgeRequest): Promise<EdgeResponse> {
  const uri = typeof request['uri'] === 'string' ? request['uri'] : '/';
  const query = typeof request['querystring'] === 'string' && request['querystring'] !== '' ? `?${request['querystring']}` : '';
  const url = new URL(`${base.pathname.replace(/\/$/, '')}${uri}${query}`, base);
  const method = typeof request['method'] === 'string' ? request['method'] : 'GET';
  const headers = new Headers();
  for (const [name, entries] of Object.entries((request['headers'] as Record<string, unknown> | undefined) ?? {})) {
    // Host names the real origin; the local stand-in is reached by its URL. Hop-by-hop headers are the client's own.
    if (name === 'host' || name === 'content-length' || !Array.isArray(entries)) continue;
    for (const entry of entries as Array<{ value?: unknown }>) headers.append(name, String(entry.value ?? ''));
  }
  const body = bodyOf(request['body']);
  const response = await fetch(url, { method, headers, redirect: 'manual', ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}) });
  const out: Record<string, Array<{ key: string; value: string }>> = {};
  response.headers.forEach((value, name) => {
    (out[name] ??= []).push({ key: name, value });
  });
  const text = await response.text();
  return { status: String(response.status), statusDescription: response.statusText, headers: out, ...(text !== '' ? { body: text } : {}) };
}

function bodyOf(body: unknown): Buffer | undefined {
  const { data, encoding } = (body ?? {}) as { data?: unknown; encoding?: unknown };
  if (typeof data !== 'string') return undefined;
  return Buffer.from(data, encoding === 'text' ? 'utf8' : 'base64');
}
