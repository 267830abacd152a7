import { defineInputFields } from 'zapier-platform-core';
import { linkField } from '../fields/shared';
import { defineWriteAction } from '../records/write-action';
import { kind } from '../fields/values';
import { idAndMessage } from '../records/operation';

/** A support ticket's fields, once. */
export const ticketFields = defineInputFields([
  { key: 'subject', label: 'Subject', required: true, helpText: 'What the request is about, e.g. "Cannot log in".' },
  { key: 'status', label: 'Ticket Status', required: true, dynamic: 'ticket_status_list.id.name', helpText: 'The status the ticket starts in.' },
  { key: 'msg', label: 'Details', type: 'text', helpText: 'The request in the customer\'s words, sent as written.' },
  { key: 'owner', label: 'Owner', dynamic: 'user_list.id.name', helpText: 'The user who handles the ticket. Users who left the company are not listed.' },
  { key: 'department_id', label: 'Department', dynamic: 'ticket_department_list.id.name', helpText: 'The team the ticket goes to, e.g. technical support.' },
  { key: 'priority_id', label: 'Priority', dynamic: 'ticket_priority_list.id.name', helpText: 'How urgent the ticket is, to order the work.' },
  linkField('customer', 'The customer who opened the ticket.'),
  { key: 'phone', label: 'Phone', meta: kind('phone'), helpText: 'A number to call back, e.g. `050-123-4567`.' },
  { key: 'email', label: 'Email', helpText: 'An address to answer, e.g. `dana@example.com`.' },
]);

export const createTicket = defineWriteAction({
  key: 'create_ticket',
  noun: 'Ticket',
  label: 'Create Ticket',
  description: 'Creates a support ticket, with its status, department, priority and owner.',
  make: { id: 'createTicket', label: 'Create a Ticket', group: 'Tickets, Links and Timers', crud: 'create' },
  path: '/v2/tickets/create',
  fields: ticketFields,
  lookFor: (body) => `the ticket "${String(body.subject)}"`,
  answered: [...idAndMessage('Ticket').slice(0, 1), { key: 'ticket_status', label: 'Saved Ticket Status ID', read: { from: 'ticket_status', as: 'id', otherwise: 'status' } }, ...idAndMessage('Ticket').slice(1)],
  sample: {
    id: '271911966272026940869079307116515873576',
    ticket_status: '233476065495939904005866822871905093425',
    message: 'טיקט נוצר בהצלחה',
    subject: 'לא מצליח להתחבר',
    status: '233476065495939904005866822871905093425',
  },
});
