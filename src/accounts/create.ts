import { defineCreate, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop, idFrom } from '../http/client';
import { bodyFrom, inFieldOrder, outputFieldsFrom, requireValues } from '../fields/values';
import { accountFieldGroups, accountFields } from './fields';

type AccountInput = InferInputData<typeof accountFields>;

export const createAccount = defineCreate({
  key: 'create_account',
  noun: 'Customer',
  display: {
    label: 'Create Customer',
    description:
      'Creates a customer (account) in Gloop. Careful: a new customer can start automations in Gloop, such as invoicing, mailing lists or WhatsApp messages.',
  },
  operation: {
    inputFieldGroups: accountFieldGroups,
    inputFields: accountFields,
    perform: async (z: ZObject, bundle: Bundle<AccountInput>) => {
      const sent = bodyFrom(z, accountFields, bundle.inputData);
      requireValues(z, accountFields, sent, ['name', 'status']);
      const body = inFieldOrder(accountFields, { ...sent, f_name: sent.f_name || String(sent.name) });
      const created = await createInGloop(z, bundle, '/v2/accounts/create', body, 'customer');
      return { ...body, id: created.id, account_status: idFrom(created.account_status) ?? body.status, message: created.message };
    },
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
    outputFields: outputFieldsFrom(accountFields, [
      { key: 'id', label: 'Customer ID' },
      { key: 'account_status', label: 'Customer Status ID' },
      { key: 'message', label: 'Gloop Message' },
    ]),
  },
});
