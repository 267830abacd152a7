import { defineApp, version as platformVersion } from 'zapier-platform-core';
import { version } from '../package.json';
import { authentication } from './authentication';
import { leadStatusList } from './dropdowns/lead-statuses';
import { userList } from './dropdowns/users';
import { createLead } from './leads/create';

export default defineApp({
  version,
  platformVersion,
  authentication,
  triggers: {
    [userList.key]: userList,
    [leadStatusList.key]: leadStatusList,
  },
  creates: {
    [createLead.key]: createLead,
  },
});
