import { defineInputFields } from 'zapier-platform-core';
import { linkField } from '../fields/shared';
import { refuseLongerThan } from '../fields/values';
import { idAndMessage } from '../records/operation';
import { defineWriteAction } from '../records/write-action';

export const TASK_DESCRIPTION_MAX_CHARACTERS = 4000;

/** A task's fields, once. */
export const taskFields = defineInputFields([
  { key: 'subject', label: 'Subject', required: true, helpText: 'What is to be done, e.g. "Call back about the quote".' },
  { key: 'owner', label: 'Owner', required: true, dynamic: 'user_list.id.name', helpText: 'The user who does the task. Users who left the company are not listed.' },
  { key: 'status', label: 'Task Status', required: true, dynamic: 'task_status_list.id.name', helpText: 'The status the task starts in. Hidden statuses are not listed.' },
  { key: 'priority', label: 'Priority', dynamic: 'task_priority_list.id.name', helpText: 'How urgent the task is, as your Gloop account names it.' },
  { key: 'due', label: 'Due Date', type: 'datetime', helpText: 'The deadline; only the day is sent, e.g. 2026-12-01.' },
  { key: 'description', label: 'Description', type: 'text', helpText: `Up to ${TASK_DESCRIPTION_MAX_CHARACTERS} characters, sent as written.` },
  linkField('lead', 'The lead the task is about.'),
  linkField('customer', 'The customer the task is about.'),
]);

export const createTask = defineWriteAction({
  key: 'create_task',
  noun: 'Task',
  label: 'Create Task',
  description: 'Creates a task for a user, with its status, priority and due date.',
  make: { id: 'createTask', label: 'Create a Task', group: 'Tasks, SMS and Documents', crud: 'create' },
  path: '/v2/tasks/create',
  fields: taskFields,
  mustRead: ['description'],
  settle: (z, body) => {
    refuseLongerThan(z, taskFields, body, 'description', TASK_DESCRIPTION_MAX_CHARACTERS, 'shorten it, or add the rest as a note');
    return body;
  },
  lookFor: (body) => `the task "${String(body.subject)}"`,
  // Gloop's example answers a task with a customer's fields: only its id is relied on.
  answered: idAndMessage('Task'),
  sample: {
    id: '271919681468428798287547621970320994517',
    message: 'המשימה נוצרה בהצלחה',
    subject: 'לחזור ללקוח לגבי הצעת המחיר',
    owner: '253960413951646409173244928790043995930',
    status: '234958461663827606436640835426029570923',
  },
});
