import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the Zapier CLI made of the stand-in. */
export interface ZapierCall {
  method: string;
  path: string;
  deployKey: string | undefined;
  body: Record<string, unknown> | undefined;
}

export interface ZapierStandIn {
  /** What the CLI reads as ZAPIER_BASE_ENDPOINT. */
  url: string;
  calls: ZapierCall[];
  close(): Promise<void>;
}

const API = '/api/platform/cli';

/**
 * A stand-in for the part of Zapier's developer API that `zapier-platform upload` calls (read from
 * the CLI's source): the integration's record, then one PUT of the version with both zips in
 * base64. It listens on loopback only, records every call, and refuses a wrong deploy key as
 * Zapier does, with 401. Any call it does not know gets 404, so a new call in a CLI update shows.
 */
export async function startZapierStandIn(app: { id: number; deployKey: string }): Promise<ZapierStandIn> {
  const calls: ZapierCall[] = [];
  const server = createServer(async (request, response) => {
    const text = await bodyOf(request);
    const deployKey = request.headers['x-deploy-key'];
    const call: ZapierCall = { method: request.method ?? '', path: request.url ?? '', deployKey: typeof deployKey === 'string' ? deployKey : undefined, body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (call.deployKey !== app.deployKey) return answer(401, { errors: ['Invalid deploy key.'] });
    if (call.method === 'GET' && call.path === `${API}/apps/${app.id}`) {
      return answer(200, { id: app.id, key: `App${app.id}`, title: 'Gloop CRM', description: 'Gloop CRM is an Israeli CRM for leads, customers and sales.', app_category: 'crm', intention: 'global', role: 'employee', status: 'private' });
    }
    if (call.method === 'PUT' && new RegExp(`^${API}/apps/${app.id}/versions/[^/]+$`).test(call.path)) return answer(200, {});
    return answer(404, { errors: [`The stand-in does not know ${call.method} ${call.path}.`] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
