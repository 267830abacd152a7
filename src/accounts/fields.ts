import { defineInputFields } from 'zapier-platform-core';
import { customSlotFields, subscriberField } from '../fields/shared';

const LEAD_ID_HELP = 'The id of a lead, e.g. the Lead ID from "Create Lead" or "Find Lead or Customer".';

export const accountFieldGroups = [
  { key: 'person', label: 'Who the customer is' },
  { key: 'classification', label: 'Status, type and owner' },
  { key: 'custom', label: 'Custom fields' },
];

/** Every attribute of a Gloop customer (account), once. */
export const accountFields = defineInputFields([
  {
    key: 'name',
    label: 'Full Name',
    required: true,
    group: 'person',
    helpText: 'The customer\'s full name (שם מלא), or the business name.',
  },
  { key: 'f_name', label: 'First Name', group: 'person', helpText: 'First name (שם פרטי). Left blank, Gloop gets the full name here.' },
  { key: 'l_name', label: 'Last Name', group: 'person', helpText: 'Last name (שם משפחה).' },
  { key: 'phone', label: 'Phone', group: 'person', helpText: 'Phone number (טלפון); spaces, dashes, dots and brackets are removed.' },
  { key: 'passport', label: 'ID Number', group: 'person', helpText: 'Israeli ID number or company number (ת.ז. / ח.פ.).' },
  { key: 'company', label: 'Company', group: 'person', helpText: 'Company name (חברה).' },
  { key: 'website', label: 'Website', group: 'person', helpText: 'The customer\'s website.' },
  { key: 'address', label: 'Address', group: 'person', helpText: 'Street address (כתובת).' },
  { key: 'country', label: 'Country', group: 'person', helpText: 'Country (מדינה), e.g. "ישראל".' },
  { key: 'b_day', label: 'Birthday', type: 'datetime', group: 'person', helpText: 'Date of birth (תאריך לידה); only the day is sent, e.g. 1990-05-17.' },
  {
    key: 'status',
    label: 'Customer Status',
    required: true,
    dynamic: 'account_status_list.id.name',
    group: 'classification',
    helpText: 'The customer\'s status in Gloop (סטטוס לקוח).',
  },
  { key: 'type', label: 'Customer Type', dynamic: 'account_type_list.id.name', group: 'classification', helpText: 'The kind of customer (סוג לקוח).' },
  { key: 'owner', label: 'Owner', dynamic: 'user_list.id.name', group: 'classification', helpText: 'The user responsible for the customer (נציג).' },
  { key: 'lead_id', label: 'From Lead', search: 'find_lead.id', group: 'classification', helpText: `Links the customer to the lead it came from. ${LEAD_ID_HELP}` },
  ...customSlotFields('customer', ''),
  subscriberField('customer'),
]);
