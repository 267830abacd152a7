import { defineCreate, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop, idFrom } from '../http/client';
import { bodyFrom, outputFieldsFrom, requireValues, withEveryKey, withGloopNames } from '../fields/values';
import { accountFieldGroups, accountFields } from './fields';

type AccountInput = InferInputData<typeof accountFields>;

const createAccountOutputFields = outputFieldsFrom(accountFields, [
  { key: 'id', label: 'Customer ID' },
  { key: 'account_status', label: 'Saved Customer Status ID' },
  { key: 'message', label: 'Gloop Message' },
]);

export const createAccount = defineCreate({
  key: 'create_account',
  noun: 'Customer',
  display: {
    label: 'Create Customer',
    description: 'Creates a new customer, which can start automations such as invoicing, mailing lists or WhatsApp messages.',
  },
  operation: {
    inputFieldGroups: accountFieldGroups,
    inputFields: accountFields,
    perform: async (z: ZObject, bundle: Bundle<AccountInput>) => {
      const body = withGloopNames(z, accountFields, bodyFrom(z, accountFields, bundle.inputData), 'customer');
      requireValues(z, accountFields, body, ['status']);
      const created = await createInGloop(z, bundle, '/v2/accounts/create', body, 'customer');
      return withEveryKey(createAccountOutputFields, { ...body, id: created.id, account_status: idFrom(created.account_status) ?? body.status, message: created.message });
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
    outputFields: createAccountOutputFields,
  },
});
