import { defineInputFields } from 'zapier-platform-core';
import { linkField } from '../fields/shared';
import { kind, type RequestBody } from '../fields/values';
import { defineWriteAction, type WriteAction } from '../records/write-action';

const NUMBERS = defineInputFields([
  {
    key: 'from',
    label: 'Sender Number',
    required: true,
    meta: kind('sms-number'),
    helpText: 'The number the SMS comes from, e.g. `050-123-4567`. A +972 number is turned into the local form Gloop\'s SMS service reads.',
  },
  { key: 'target', label: 'Recipient Number', required: true, meta: kind('sms-number'), helpText: 'The number the SMS goes to, e.g. `052-765-4321`; +972 is handled the same way.' },
]);

const ATTACHMENTS = [linkField('lead', 'Attaches the SMS to the lead\'s card in Gloop.'), linkField('customer', 'Attaches the SMS to the customer\'s card in Gloop.')] as const;

export const smsFields = defineInputFields([
  ...NUMBERS,
  { key: 'message', label: 'Message', type: 'text', required: true, helpText: 'Sent as written. Every SMS is billed to your Gloop account\'s SMS bank.' },
  ...ATTACHMENTS,
]);

export const smsTemplateFields = defineInputFields([
  ...NUMBERS,
  {
    key: 'template_id',
    label: 'SMS Template',
    required: true,
    dynamic: 'sms_template_list.id.name',
    helpText: 'Each template is listed with the message it sends. A template\'s name placeholder is filled only when the SMS is attached to a lead or customer.',
  },
  ...ATTACHMENTS,
]);

/** An SMS, written or from a template: Gloop answers a shipment id, not a record id, and its SMS log cannot be searched. */
const sms = {
  noun: 'Message',
  thing: 'SMS',
  // Sent twice is billed twice: the sentences say "sent", not "saved".
  deed: { verb: 'send', done: 'sent', what: 'the SMS' },
  proof: { key: 'shipment_id', as: 'id', name: "the new SMS's id" },
  lookFor: (body: RequestBody) => `an SMS to ${String(body.target)} in the account's SMS log`,
  answered: [{ key: 'shipment_id', label: 'Shipment ID', read: { from: 'shipment_id', as: 'id' } }],
} satisfies Partial<WriteAction>;

export const sendSmsAction = defineWriteAction({
  ...sms,
  key: 'send_sms',
  label: 'Send SMS',
  description: 'Sends an SMS you write, attached to a lead or customer when you choose one.',
  make: { id: 'sendSms', label: 'Send an SMS', group: 'Tasks, SMS and Documents', crud: 'create' },
  path: '/v2/sms/send',
  fields: smsFields,
  sample: { shipment_id: '1124835822', from: '0544444444', target: '0542222222', message: 'שלום! קיבלנו את פנייתך.' },
});

export const sendSmsTemplateAction = defineWriteAction({
  ...sms,
  key: 'send_sms_template',
  label: 'Send SMS from Template',
  description: 'Sends an SMS from a saved template, attached to a lead or customer when you choose one.',
  make: { id: 'sendSmsFromTemplate', label: 'Send an SMS from a Template', group: 'Tasks, SMS and Documents', crud: 'create' },
  path: '/v2/sms/sendTemplate',
  fields: smsTemplateFields,
  sample: { shipment_id: '1124840092', from: '0544444444', target: '0542222222', template_id: '258123218108221845257206184125949190319' },
});
