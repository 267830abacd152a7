import { defineInputFields } from 'zapier-platform-core';
import { customSlotFields, linkField, nameFields, subscriberField } from '../fields/shared';
import { kind } from '../fields/values';

export const accountFieldGroups = [
  { key: 'classification', label: 'Status, Type and Owner' },
  { key: 'person', label: 'Who the Customer Is' },
  { key: 'custom', label: 'Custom Fields' },
];

/** Every attribute of a Gloop customer (account), once. */
export const accountFields = defineInputFields([
  {
    key: 'status',
    label: 'Customer Status',
    required: true,
    dynamic: 'account_status_list.id.name',
    group: 'classification',
    helpText: 'The status the customer starts in; Gloop needs one. Hidden statuses are not listed.',
  },
  ...nameFields('customer', ', or the business name'),
  { key: 'phone', label: 'Phone', group: 'person', meta: kind('phone'), helpText: 'e.g. `050-123-4567`. Spaces, dashes, dots and brackets are removed.' },
  { key: 'passport', label: 'ID Number', group: 'person', helpText: 'The Israeli ID number of a person, or the registration number of a company.' },
  { key: 'company', label: 'Company', group: 'person', helpText: 'The company the customer works for, or its legal name.' },
  { key: 'website', label: 'Website', group: 'person', helpText: 'e.g. `https://example.com`.' },
  { key: 'address', label: 'Address', group: 'person', helpText: 'Street, number and city, as one line.' },
  { key: 'country', label: 'Country', group: 'person', helpText: 'The country the customer lives or works in, e.g. "Israel".' },
  { key: 'b_day', label: 'Birthday', type: 'datetime', group: 'person', helpText: 'Only the day is sent, e.g. 1990-05-17.' },
  { key: 'type', label: 'Customer Type', dynamic: 'account_type_list.id.name', group: 'classification', helpText: 'The kind of customer, e.g. business or private.' },
  { key: 'owner', label: 'Owner', dynamic: 'user_list.id.name', group: 'classification', helpText: 'The user responsible for the customer. Users who left the company are not listed.' },
  { ...linkField('lead', 'Links the customer to the lead it came from.'), group: 'classification' },
  ...customSlotFields('customer', ''),
  subscriberField('customer'),
]);
