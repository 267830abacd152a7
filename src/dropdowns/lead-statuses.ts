import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { activeChoices, choiceOutputFields } from './choices';

export const leadStatusList = defineTrigger({
  key: 'lead_status_list',
  noun: 'Lead Status',
  display: { label: 'List Lead Statuses', description: 'Lists the selectable lead statuses for the Lead Status dropdown.', hidden: true },
  operation: {
    type: 'polling',
    perform: async (z: ZObject, bundle: Bundle) => activeChoices(await callGloop(z, bundle, { method: 'GET', path: '/v2/leads/statuses' })),
    sample: { id: '233069071553535427697228277840563827497', name: '💫 חדש' },
    outputFields: choiceOutputFields,
  },
});
