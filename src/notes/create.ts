import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { linkField } from '../fields/shared';
import { bodyFrom, invalidInput, outputFieldsFrom, refuseLongerThan, requireValues, withEveryKey } from '../fields/values';

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

type NoteInput = InferInputData<typeof noteFields>;

const noteOutputFields = outputFieldsFrom(noteFields, [
  { key: 'id', label: 'Note ID' },
  { key: 'message', label: 'Gloop Message' },
]);

export const createNote = defineCreate({
  key: 'create_note',
  noun: 'Note',
  display: { label: 'Add Note', description: 'Adds a note to a lead or a customer.' },
  operation: {
    inputFields: noteFields,
    perform: async (z: ZObject, bundle: Bundle<NoteInput>) => {
      // Every field of a note is one Gloop needs: none can be left out.
      const body = bodyFrom(z, noteFields, bundle);
      if ((body.lead_id === undefined) === (body.account_id === undefined)) {
        throw invalidInput(z, 'Fill exactly one of "Lead" and "Customer": the note goes on one lead or one customer');
      }
      requireValues(z, noteFields, body, ['msg']);
      refuseLongerThan(z, noteFields, body, 'msg', NOTE_MAX_CHARACTERS, 'shorten it or split it into several notes');
      // Gloop cannot search notes: after a lost answer, only a person can tell whether it was saved.
      const target = body.lead_id === undefined ? `customer ${String(body.account_id)}` : `lead ${String(body.lead_id)}`;
      const created = await createInGloop(z, bundle, '/v2/notes/create', body, 'note', `this note on the ${target}`);
      return withEveryKey(noteOutputFields, { ...body, id: created.id, message: created.message });
    },
    sample: { id: '196872918095809862949125226744960663127', lead_id: '271917813959131540676117904886673869329', account_id: '', msg: 'התקשר בערב', message: 'ההערה נוצרה בהצלחה' },
    outputFields: noteOutputFields,
  },
});
