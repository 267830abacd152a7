import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { activeChoices, choiceOutputFields } from './choices';
import { pagedDropdown } from './paged';

export const userList = pagedDropdown('user_list', 'User', '/v2/users', { id: '253960413951646409173244928790043995930', name: 'משה' });
export const accountStatusList = pagedDropdown('account_status_list', 'Customer Status', '/v2/accounts/statuses', {
  id: '104788409124312076361553853542960557491',
  name: '✅ פעיל',
});
export const accountTypeList = pagedDropdown('account_type_list', 'Customer Type', '/v2/accounts/types', {
  id: '613541245386385420145307939716617862236',
  name: '🏢 עסקי',
});

/** Lead statuses come in one unpaged list. */
export const leadStatusList = defineTrigger({
  key: 'lead_status_list',
  noun: 'Lead Status',
  display: { label: 'List Lead Statuses', description: 'Lists the selectable lead statuses of Gloop for a dropdown.', hidden: true },
  operation: {
    type: 'polling',
    perform: async (z: ZObject, bundle: Bundle) => activeChoices(await callGloop(z, bundle, { method: 'GET', path: '/v2/leads/statuses' })),
    sample: { id: '233069071553535427697228277840563827497', name: '💫 חדש' },
    outputFields: choiceOutputFields,
  },
});
