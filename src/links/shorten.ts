import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey } from '../fields/values';

/** A short link's fields, once. Gloop calls the access code `password`; here it is not mistaken for a credential of the connection. */
export const linkFields = defineInputFields([
  { key: 'url', label: 'Long URL', required: true, helpText: 'The address to shorten, with its `https://`.' },
  { key: 'custom_alias', label: 'Custom Ending', helpText: 'What the short link ends with, e.g. `spring-sale`. Left blank, Gloop picks one.' },
  { key: 'access_code', label: 'Access Code', helpText: 'Visitors must type it to open the link. Left blank, the link is open.' },
  { key: 'guid', label: 'Add a Generated Identifier', type: 'boolean', helpText: 'Yes adds a generated id to the link, useful to tell apart who filled in a form behind it.' },
  { key: 'description', label: 'Description', helpText: 'A note for your team, shown with the link in Gloop.' },
]);

type LinkInput = InferInputData<typeof linkFields>;

const linkOutputFields = outputFieldsFrom(linkFields, [
  { key: 'id', label: 'Link ID' },
  { key: 'short_url', label: 'Short URL' },
  { key: 'guid_value', label: 'Generated Identifier' },
  { key: 'message', label: 'Gloop Message' },
  LEFT_OUT,
]);

export const shortenLink = defineCreate({
  key: 'shorten_link',
  noun: 'Link',
  display: { label: 'Shorten Link', description: 'Shortens a link, with an ending, password or unique id of your choice.' },
  operation: {
    inputFields: linkFields,
    perform: async (z: ZObject, bundle: Bundle<LinkInput>) => {
      const { body, leftOut } = readInput(z, linkFields, bundle, ['url']);
      requireValues(z, linkFields, body, ['url']);
      const { access_code: password, ...rest } = body;
      const sent = { ...rest, ...(password === undefined ? {} : { password }) };
      const created = await createInGloop(z, bundle, '/v2/links/shortner', sent, 'short link', `a short link to ${String(body.url)}`);
      return withEveryKey(linkOutputFields, {
        ...body,
        id: created.id,
        short_url: typeof created.answer.short_url === 'string' ? created.answer.short_url : '',
        guid_value: typeof created.answer.guid === 'string' ? created.answer.guid : '',
        message: created.message,
        left_out: leftOut.join('; '),
      });
    },
    sample: {
      id: '271943164149523032854536080405308303686',
      short_url: 'https://blabla.link/xxxx',
      guid_value: 'CC96592A3C0A0480E0533118000AE946',
      message: 'הקישור קוצר בהצלחה',
      url: 'https://me.example.com/info/',
      left_out: '',
    },
    outputFields: linkOutputFields,
  },
});
