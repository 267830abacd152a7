import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { idFrom } from '../http/json';
import { linkField } from '../fields/shared';
import { LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey } from '../fields/values';

/** A support ticket's fields, once. */
export const ticketFields = defineInputFields([
  { key: 'subject', label: 'Subject', required: true, helpText: 'What the request is about, e.g. "Cannot log in".' },
  { key: 'status', label: 'Ticket Status', required: true, dynamic: 'ticket_status_list.id.name', helpText: 'The status the ticket starts in.' },
  { key: 'msg', label: 'Details', type: 'text', helpText: 'The request in the customer\'s words, sent as written.' },
  { key: 'owner', label: 'Owner', dynamic: 'user_list.id.name', helpText: 'The user who handles the ticket. Users who left the company are not listed.' },
  { key: 'department_id', label: 'Department', dynamic: 'ticket_department_list.id.name', helpText: 'The team the ticket goes to, e.g. technical support.' },
  { key: 'priority_id', label: 'Priority', dynamic: 'ticket_priority_list.id.name', helpText: 'How urgent the ticket is, to order the work.' },
  linkField('customer', 'The customer who opened the ticket.'),
  { key: 'phone', label: 'Phone', helpText: 'A number to call back, e.g. `050-123-4567`.' },
  { key: 'email', label: 'Email', helpText: 'An address to answer, e.g. `dana@example.com`.' },
]);

type TicketInput = InferInputData<typeof ticketFields>;

const ticketOutputFields = outputFieldsFrom(ticketFields, [
  { key: 'id', label: 'Ticket ID' },
  { key: 'ticket_status', label: 'Saved Ticket Status ID' },
  { key: 'message', label: 'Gloop Message' },
  LEFT_OUT,
]);

export const createTicket = defineCreate({
  key: 'create_ticket',
  noun: 'Ticket',
  display: { label: 'Create Ticket', description: 'Creates a support ticket, with its status, department, priority and owner.' },
  operation: {
    inputFields: ticketFields,
    perform: async (z: ZObject, bundle: Bundle<TicketInput>) => {
      const { body, leftOut } = readInput(z, ticketFields, bundle, ['subject', 'status']);
      requireValues(z, ticketFields, body, ['subject', 'status']);
      // Gloop cannot search tickets: after a lost answer, only a person can tell whether it was saved.
      const created = await createInGloop(z, bundle, '/v2/tickets/create', body, 'ticket', `the ticket "${String(body.subject)}"`);
      return withEveryKey(ticketOutputFields, {
        ...body,
        id: created.id,
        ticket_status: idFrom(created.answer.ticket_status) ?? body.status,
        message: created.message,
        left_out: leftOut.join('; '),
      });
    },
    sample: {
      id: '271911966272026940869079307116515873576',
      ticket_status: '233476065495939904005866822871905093425',
      message: 'טיקט נוצר בהצלחה',
      subject: 'לא מצליח להתחבר',
      status: '233476065495939904005866822871905093425',
      left_out: '',
    },
    outputFields: ticketOutputFields,
  },
});
