import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { bodyFrom, characterCount, invalidInput, outputFieldsFrom, requireValues } from '../fields/values';

export const NOTE_MAX_CHARACTERS = 4000;

/** A note's fields, once. */
export const noteFields = defineInputFields([
  {
    key: 'lead_id',
    label: 'Lead ID',
    search: 'find_lead.id',
    helpText: 'The lead the note goes on, e.g. the Lead ID from "Create Lead" or "Find Lead or Customer". Fill this or Customer ID, not both.',
  },
  {
    key: 'account_id',
    label: 'Customer ID',
    search: 'find_lead.id',
    helpText: 'The customer (account) the note goes on, e.g. the Customer ID from "Create Customer". Fill this or Lead ID, not both.',
  },
  {
    key: 'msg',
    label: 'Note',
    type: 'text',
    required: true,
    helpText: `The note (הערה), up to ${NOTE_MAX_CHARACTERS} characters; Gloop dates it when it is created.`,
  },
]);

type NoteInput = InferInputData<typeof noteFields>;

export const createNote = defineCreate({
  key: 'create_note',
  noun: 'Note',
  display: { label: 'Add Note', description: 'Adds a note to a lead or a customer in Gloop.' },
  operation: {
    inputFields: noteFields,
    perform: async (z: ZObject, bundle: Bundle<NoteInput>) => {
      const body = bodyFrom(z, noteFields, bundle.inputData);
      if ((body.lead_id === undefined) === (body.account_id === undefined)) {
        throw invalidInput(z, 'Fill exactly one of "Lead ID" and "Customer ID": the note goes on one lead or one customer');
      }
      requireValues(z, noteFields, body, ['msg']);
      const length = characterCount(String(body.msg));
      if (length > NOTE_MAX_CHARACTERS) {
        throw invalidInput(z, `"Note" has ${length} characters and Gloop takes at most ${NOTE_MAX_CHARACTERS}: shorten it or split it into several notes`);
      }
      const created = await createInGloop(z, bundle, '/v2/notes/create', body, 'note');
      return { ...body, id: created.id, message: created.message };
    },
    sample: { id: '196872918095809862949125226744960663127', lead_id: '271917813959131540676117904886673869329', msg: 'התקשר בערב', message: 'ההערה נוצרה בהצלחה' },
    outputFields: outputFieldsFrom(noteFields, [
      { key: 'id', label: 'Note ID' },
      { key: 'message', label: 'Gloop Message' },
    ]),
  },
});
