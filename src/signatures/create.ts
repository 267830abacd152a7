import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey } from '../fields/values';

/** A document for signature's fields, once. */
export const documentFields = defineInputFields([
  { key: 'name', label: 'Document Name', required: true, helpText: 'The name it is sent under, e.g. "Dana Levi, service agreement".' },
  { key: 'template_id', label: 'Document Template', required: true, dynamic: 'signature_template_list.id.name', helpText: 'The template the document is made from. Inactive templates are not listed.' },
  { key: 'by_user', label: 'Sending User', required: true, dynamic: 'user_list.id.name', helpText: 'Named in the messages the signer receives.' },
  { key: 'phone', label: 'Signer Phone', helpText: 'Filled, Gloop sends the signer the document by SMS or WhatsApp. Leave it and Email blank to send nothing and share the link yourself.' },
  { key: 'email', label: 'Signer Email', helpText: 'Filled, Gloop also emails the document to the signer.' },
]);

type DocumentInput = InferInputData<typeof documentFields>;

const documentOutputFields = outputFieldsFrom(documentFields, [
  { key: 'id', label: 'Document ID' },
  { key: 'document', label: 'Signing URL' },
  { key: 'message', label: 'Gloop Message' },
  LEFT_OUT,
]);

export const createSignatureDocument = defineCreate({
  key: 'create_signature_document',
  noun: 'Document',
  display: { label: 'Create Document for Signature', description: 'Creates a document from a template and sends it to the signer for signature.' },
  operation: {
    inputFields: documentFields,
    perform: async (z: ZObject, bundle: Bundle<DocumentInput>) => {
      const required = ['name', 'template_id', 'by_user'];
      const { body, leftOut } = readInput(z, documentFields, bundle, required);
      requireValues(z, documentFields, body, required);
      // Gloop cannot search documents: after a lost answer, only a person can tell whether it was made (and sent).
      const created = await createInGloop(z, bundle, '/v2/signatures/create', body, 'document', `the document "${String(body.name)}"`);
      const signingUrl = typeof created.answer.document === 'string' ? created.answer.document : '';
      return withEveryKey(documentOutputFields, { ...body, id: created.id, document: signingUrl, message: created.message, left_out: leftOut.join('; ') });
    },
    sample: {
      id: '261',
      document: 'https://e-sign.co.il/xxxx',
      message: 'המסמך נוצר בהצלחה',
      name: 'דנה לוי - הסכם שירות',
      template_id: '3',
      by_user: '253960413951646409173244928790043995930',
      left_out: '',
    },
    outputFields: documentOutputFields,
  },
});
