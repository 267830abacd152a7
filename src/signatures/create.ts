import { defineInputFields } from 'zapier-platform-core';
import { defineWriteAction } from '../records/write-action';
import { kind } from '../fields/values';
import { idAndMessage } from '../records/operation';

/** A document for signature's fields, once. */
export const documentFields = defineInputFields([
  { key: 'name', label: 'Document Name', required: true, helpText: 'The name it is sent under, e.g. "Dana Levi, service agreement".' },
  { key: 'template_id', label: 'Document Template', required: true, dynamic: 'signature_template_list.id.name', helpText: 'The template the document is made from. Inactive templates are not listed.' },
  { key: 'by_user', label: 'Sending User', required: true, dynamic: 'user_list.id.name', helpText: 'Named in the messages the signer receives.' },
  { key: 'phone', label: 'Signer Phone', meta: kind('phone'), helpText: 'Filled, Gloop sends the signer the document by SMS or WhatsApp. Leave it and Email blank to send nothing and share the link yourself.' },
  { key: 'email', label: 'Signer Email', helpText: 'Filled, Gloop also emails the document to the signer.' },
]);

export const createSignatureDocument = defineWriteAction({
  key: 'create_signature_document',
  noun: 'Document',
  label: 'Create Document for Signature',
  description: 'Creates a document from a template and sends it to the signer for signature.',
  make: { id: 'createDocumentForSignature', label: 'Create a Document for Signature', group: 'Tasks, SMS and Documents', crud: 'create' },
  path: '/v2/signatures/create',
  fields: documentFields,
  // The signing URL is what the signer is sent: an id alone is no document to sign.
  proof: { key: 'id', as: 'id', with: ['document'], name: "the new document's id and signing URL" },
  lookFor: (body) => `the document "${String(body.name)}"`,
  answered: idAndMessage('Document', { key: 'document', label: 'Signing URL', read: { from: 'document', as: 'text' } }),
  sample: {
    id: '261',
    document: 'https://e-sign.co.il/xxxx',
    message: 'המסמך נוצר בהצלחה',
    name: 'דנה לוי - הסכם שירות',
    template_id: '3',
    by_user: '253960413951646409173244928790043995930',
  },
});
