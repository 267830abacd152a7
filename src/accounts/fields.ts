import { defineInputFields } from 'zapier-platform-core';
import { customSlotFields, leadLinkField, subscriberField } from '../fields/shared';

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
  {
    key: 'name',
    label: 'Full Name',
    group: 'person',
    helpText: 'The customer\'s full name, or the business name. Gloop needs a name: fill this, or First Name (and Last Name).',
  },
  { key: 'f_name', label: 'First Name', group: 'person', helpText: 'Left blank, Gloop gets the full name here, as it asks.' },
  { key: 'l_name', label: 'Last Name', group: 'person', helpText: 'Added to the first name when Full Name is blank.' },
  { key: 'phone', label: 'Phone', group: 'person', helpText: 'e.g. `050-123-4567`. Spaces, dashes, dots and brackets are removed.' },
  { key: 'passport', label: 'ID Number', group: 'person', helpText: 'The Israeli ID number of a person, or the registration number of a company.' },
  { key: 'company', label: 'Company', group: 'person', helpText: 'The company the customer works for, or its legal name.' },
  { key: 'website', label: 'Website', group: 'person', helpText: 'e.g. `https://example.com`.' },
  { key: 'address', label: 'Address', group: 'person', helpText: 'Street, number and city, as one line.' },
  { key: 'country', label: 'Country', group: 'person', helpText: 'The country the customer lives or works in, e.g. "Israel".' },
  { key: 'b_day', label: 'Birthday', type: 'datetime', group: 'person', helpText: 'Only the day is sent, e.g. 1990-05-17.' },
  { key: 'type', label: 'Customer Type', dynamic: 'account_type_list.id.name', group: 'classification', helpText: 'The kind of customer, e.g. business or private.' },
  { key: 'owner', label: 'Owner', dynamic: 'user_list.id.name', group: 'classification', helpText: 'The user responsible for the customer. Users who left the company are not listed.' },
  { ...leadLinkField('Links the customer to the lead it came from.'), group: 'classification' },
  ...customSlotFields('customer', ''),
  subscriberField('customer'),
]);
