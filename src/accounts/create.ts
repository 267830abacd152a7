import { idAndMessage } from '../records/operation';
import { defineWriteAction } from '../records/write-action';
import { confirmationOf, lookForPerson } from '../search/leads-and-accounts';
import { customerResource } from './resource';
import { accountFieldGroups, accountFields } from './fields';

export const createAccount = defineWriteAction({
  key: 'create_account',
  noun: 'Customer',
  label: 'Create Customer',
  description: 'Creates a new customer, which can start automations such as invoicing, mailing lists or WhatsApp messages.',
  make: { id: 'createCustomer', label: 'Create a Customer', group: 'Customers', crud: 'create' },
  path: '/v2/accounts/create',
  fields: accountFields,
  fieldGroups: accountFieldGroups,
  personNamed: 'customer',
  confirm: (z, bundle, body) => confirmationOf(z, bundle, customerResource, body),
  lookFor: lookForPerson,
  answered: idAndMessage('Customer', { key: 'account_status', label: 'Saved Customer Status ID', read: { from: 'account_status', as: 'id', otherwise: 'status' } }),
  sample: {
    id: '318470115526385338148997581651340149330',
    account_status: '104788409124312076361553853542960557491',
    message: 'הלקוח נוצר בהצלחה',
    name: 'רון לוי',
    f_name: 'רון',
    l_name: 'לוי',
    phone: '0541112233',
    status: '104788409124312076361553853542960557491',
  },
});
