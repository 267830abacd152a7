import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { baseUrlFor, callGloop } from './http/client';
import { exchangeCredentials } from './http/session';

/** Where a Gloop admin creates the API client: the vendor's own guide, with screenshots. */
export const CREDENTIALS_GUIDE = 'https://api.gloopcrm.co.il/docs/api/authorization/access_token';
const WHERE = `A Gloop admin creates it in **System settings -> Webhooks/API -> API token** ([how, step by step](${CREDENTIALS_GUIDE})).`;

export const authentication = {
  type: 'session',
  fields: [
    {
      key: 'domain',
      label: 'Gloop Domain',
      required: true,
      type: 'string',
      helpText: `Your account's own Gloop address, shown beside the API token, e.g. \`acme.gloopcrm.co.il\`. ${WHERE}`,
      placeholder: 'acme.gloopcrm.co.il',
      isNoSecret: true,
    },
    { key: 'client_id', label: 'Client ID', required: true, type: 'string', helpText: `The API client's ID. ${WHERE}` },
    {
      key: 'client_secret',
      label: 'Client Secret',
      required: true,
      type: 'password',
      helpText: `The API client's secret, shown once beside its Client ID. ${WHERE} Each pair can be revoked on its own.`,
    },
  ],
  sessionConfig: { perform: exchangeCredentials },
  test: (z: ZObject, bundle: Bundle) => callGloop(z, bundle, { method: 'GET', path: '/v2/users', params: { limit: '1' } }),
  connectionLabel: async (z: ZObject, bundle: Bundle) => new URL(baseUrlFor(z, bundle.authData)).host,
} satisfies Authentication;
