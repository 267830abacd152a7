import { defineInputFields } from 'zapier-platform-core';
import { idFrom } from '../http/json';
import { answeredText, defineWriteAction } from '../records/write-action';

/** A short link's fields, once. Gloop calls the access code `password`; here it is not mistaken for a credential of the connection. */
export const linkFields = defineInputFields([
  { key: 'url', label: 'Long URL', required: true, helpText: 'The address to shorten, with its `https://`. Spaces around it are dropped; spaces inside it are refused.' },
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
  path: '/v2/links/shortner',
  fields: linkFields,
  // A short link is made when Gloop gives it: an id alone is no link to send anyone.
  proof: { of: (answer) => (answeredText(answer, 'short_url') === '' ? undefined : idFrom(answer.id)), name: "the new link's id and short URL" },
  toGloop: ({ access_code: password, ...rest }) => ({ ...rest, ...(password === undefined ? {} : { password }) }),
  lookFor: (body) => `a short link to ${String(body.url)}`,
  answered: [
    { key: 'id', label: 'Link ID' },
    { key: 'short_url', label: 'Short URL' },
    { key: 'guid_value', label: 'Generated Identifier' },
    { key: 'message', label: 'Gloop Message' },
  ],
  report: (written) => ({ id: written.proof, short_url: answeredText(written.answer, 'short_url'), guid_value: answeredText(written.answer, 'guid'), message: written.message }),
  sample: {
    id: '271943164149523032854536080405308303686',
    short_url: 'https://blabla.link/xxxx',
    guid_value: 'CC96592A3C0A0480E0533118000AE946',
    message: 'הקישור קוצר בהצלחה',
    url: 'https://me.example.com/info/',
  },
});
