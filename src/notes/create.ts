import { defineInputFields } from 'zapier-platform-core';
import { linkField } from '../fields/shared';
import { invalidInput, refuseLongerThan } from '../fields/values';
import { idAndMessage } from '../records/operation';
import { defineWriteAction } from '../records/write-action';

export const NOTE_MAX_CHARACTERS = 4000;

/** A note's fields, once. */
export const noteFields = defineInputFields([
  {
    key: 'msg',
    label: 'Note',
    type: 'text',
    required: true,
    helpText: `Up to ${NOTE_MAX_CHARACTERS} characters, sent as written; Gloop dates the note when it is created.`,
  },
  linkField('lead', 'The lead the note goes on. Fill this or Customer, not both.'),
  linkField('customer', 'The customer the note goes on. Fill this or Lead, not both.'),
]);

export const createNote = defineWriteAction({
  key: 'create_note',
  noun: 'Note',
  label: 'Add Note',
  description: 'Adds a note to a lead or a customer.',
  make: { id: 'addNote', label: 'Add a Note', group: 'Leads', crud: 'create' },
  path: '/v2/notes/create',
  fields: noteFields,
  // Every field of a note is one Gloop needs: none can be left out.
  mustRead: 'all',
  settle: (z, body) => {
    if ((body.lead_id === undefined) === (body.account_id === undefined)) {
      throw invalidInput(z, 'Fill exactly one of "Lead" and "Customer": the note goes on one lead or one customer');
    }
    refuseLongerThan(z, noteFields, body, 'msg', NOTE_MAX_CHARACTERS, 'shorten it or split it into several notes');
    return body;
  },
  // Gloop cannot search notes: after a lost answer, only a person can tell whether it was saved.
  lookFor: (body) => `this note on the ${body.lead_id === undefined ? `customer ${String(body.account_id)}` : `lead ${String(body.lead_id)}`}`,
  answered: idAndMessage('Note'),
  sample: { id: '196872918095809862949125226744960663127', lead_id: '271917813959131540676117904886673869329', account_id: '', msg: 'התקשר בערב', message: 'ההערה נוצרה בהצלחה' },
});
