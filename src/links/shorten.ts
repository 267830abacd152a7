import { defineInputFields } from 'zapier-platform-core';
import { defineWriteAction } from '../records/write-action';
import { kind } from '../fields/values';
import { idAndMessage } from '../records/operation';

/** A short link's fields, once. Gloop calls the access code `password`; here it is not mistaken for a credential of the connection. */
export const linkFields = defineInputFields([
  { key: 'url', label: 'Long URL', required: true, meta: kind('web-address'), helpText: 'The address to shorten, with its `https://`. Spaces around it are dropped; spaces inside it are refused.' },
  { key: 'custom_alias', label: 'Custom Ending', helpText: 'What the short link ends with, e.g. `spring-sale`. Left blank, Gloop picks one.' },
  { key: 'access_code', label: 'Access Code', helpText: 'Visitors must type it to open the link. Left blank, the link is open.' },
  { key: 'guid', label: 'Add a Generated Identifier', type: 'boolean', helpText: 'Yes adds a generated id to the link, useful to tell apart who filled in a form behind it.' },
  { key: 'description', label: 'Description', helpText: 'A note for your team, shown with the link in Gloop.' },
]);

export const shortenLink = defineWriteAction({
  key: 'shorten_link',
  noun: 'Link',
  label: 'Shorten Link',
  description: 'Shortens a link, with an ending, password or unique id of your choice.',
  make: { id: 'shortenLink', label: 'Shorten a Link', group: 'Tickets, Links and Timers', crud: 'create' },
  path: '/v2/links/shortner',
  fields: linkFields,
  // A short link is made when Gloop gives it: an id alone is no link to send anyone.
  proof: { key: 'id', as: 'id', with: ['short_url'], name: "the new link's id and short URL" },
  rename: { access_code: 'password' },
  lookFor: (body) => `a short link to ${String(body.url)}`,
  answered: [
    ...idAndMessage('Link').slice(0, 1),
    { key: 'short_url', label: 'Short URL', read: { from: 'short_url', as: 'text' } },
    { key: 'guid_value', label: 'Generated Identifier', read: { from: 'guid', as: 'text' } },
    ...idAndMessage('Link').slice(1),
  ],
  sample: {
    id: '271943164149523032854536080405308303686',
    short_url: 'https://blabla.link/xxxx',
    guid_value: 'CC96592A3C0A0480E0533118000AE946',
    message: 'הקישור קוצר בהצלחה',
    url: 'https://me.example.com/info/',
  },
});
