import { defineCreate, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { idFrom } from '../http/json';
import { CONFIRMED_BY_SEARCH, LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey, withGloopNames } from '../fields/values';
import { confirmationOf } from '../search/leads-and-accounts';
import { accountFieldGroups, accountFields } from './fields';

type AccountInput = InferInputData<typeof accountFields>;

const createAccountOutputFields = outputFieldsFrom(accountFields, [
  { key: 'id', label: 'Customer ID' },
  { key: 'account_status', label: 'Saved Customer Status ID' },
  { key: 'message', label: 'Gloop Message' },
  CONFIRMED_BY_SEARCH,
  LEFT_OUT,
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
      const input = readInput(z, accountFields, bundle, ['status']);
      const body = withGloopNames(z, accountFields, input, 'customer');
      requireValues(z, accountFields, body, ['status']);
      const created = await createInGloop(z, bundle, '/v2/accounts/create', body, 'customer', confirmationOf(z, bundle, 'ACCOUNTS', body));
      return withEveryKey(createAccountOutputFields, {
        ...body,
        id: created.id,
        account_status: idFrom(created.answer.account_status) ?? body.status,
        message: created.message,
        confirmed_by_search: created.confirmedBySearch,
        left_out: input.leftOut.join('; '),
      });
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
