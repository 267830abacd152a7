import { defineCreate, defineInputFields, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { linkField } from '../fields/shared';
import { LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey } from '../fields/values';

const NUMBERS = defineInputFields([
  {
    key: 'from',
    label: 'Sender Number',
    required: true,
    helpText: 'The number the SMS comes from, e.g. `050-123-4567`. A +972 number is turned into the local form Gloop\'s SMS service reads.',
  },
  { key: 'target', label: 'Recipient Number', required: true, helpText: 'The number the SMS goes to, e.g. `052-765-4321`; +972 is handled the same way.' },
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

const sent = (fields: readonly PlainInputField[]) => outputFieldsFrom(fields, [{ key: 'shipment_id', label: 'Shipment ID' }, LEFT_OUT]);
const smsOutputFields = sent(smsFields);
const smsTemplateOutputFields = sent(smsTemplateFields);

/** One SMS, written or from a template: Gloop answers a shipment id, not a record id. */
function sendSms(path: `/${string}`, fields: readonly PlainInputField[], outputFields: ReturnType<typeof sent>) {
  return async (z: ZObject, bundle: Bundle) => {
    const required = fields.filter((field) => field.required).map((field) => field.key);
    const { body, leftOut } = readInput(z, fields, bundle, required);
    requireValues(z, fields, body, required);
    // Gloop's SMS log cannot be searched: after a lost answer, only a person can tell whether it went out.
    const shipped = await createInGloop(z, bundle, path, body, 'SMS', `an SMS to ${String(body.target)} in the account's SMS log`, 'shipment_id');
    return withEveryKey(outputFields, { ...body, shipment_id: shipped.id, left_out: leftOut.join('; ') });
  };
}

export const sendSmsAction = defineCreate({
  key: 'send_sms',
  noun: 'Message',
  display: { label: 'Send SMS', description: 'Sends an SMS you write, attached to a lead or customer when you choose one.' },
  operation: {
    inputFields: smsFields,
    perform: sendSms('/v2/sms/send', smsFields, smsOutputFields),
    sample: { shipment_id: '1124835822', from: '0544444444', target: '0542222222', message: 'שלום! קיבלנו את פנייתך.', left_out: '' },
    outputFields: smsOutputFields,
  },
});

export const sendSmsTemplateAction = defineCreate({
  key: 'send_sms_template',
  noun: 'Message',
  display: { label: 'Send SMS from Template', description: 'Sends an SMS from a saved template, attached to a lead or customer when you choose one.' },
  operation: {
    inputFields: smsTemplateFields,
    perform: sendSms('/v2/sms/sendTemplate', smsTemplateFields, smsTemplateOutputFields),
    sample: { shipment_id: '1124840092', from: '0544444444', target: '0542222222', template_id: '258123218108221845257206184125949190319', left_out: '' },
    outputFields: smsTemplateOutputFields,
  },
});
