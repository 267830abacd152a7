import { defineApp, version as platformVersion } from 'zapier-platform-core';
import { version } from '../package.json';
import { createAccount } from './accounts/create';
import { newCustomer, updatedCustomer } from './accounts/triggers';
import { findCustomer, findOrCreateCustomer } from './accounts/find';
import { authentication } from './authentication';
import { dropdowns } from './dropdowns';
import { shortenLink } from './links/shorten';
import { createLead } from './leads/create';
import { createLeadWithDuplicateCheck } from './leads/create-with-duplicate-check';
import { findLead, findOrCreateLead } from './leads/find';
import { newLead, updatedLead } from './leads/triggers';
import { createNote } from './notes/create';
import { createProduct, createProductCategory } from './products/create';
import { findProduct } from './products/find';
import { moveStock } from './products/stock';
import { newProduct } from './products/triggers';
import { createSale } from './sales/create';
import { createSignatureDocument } from './signatures/create';
import { sendSmsAction, sendSmsTemplateAction } from './sms/send';
import { createTask } from './tasks/create';
import { createTicket } from './tickets/create';
import { startTimer, stopTimer } from './timers/timers';
import { addWeekdays, addWorkingDays, countWorkingDays } from './working-days/calculate';

export default defineApp({
  version,
  platformVersion,
  authentication,
  triggers: {
    ...dropdowns,
    [newLead.key]: newLead,
    [updatedLead.key]: updatedLead,
    [newCustomer.key]: newCustomer,
    [updatedCustomer.key]: updatedCustomer,
    [newProduct.key]: newProduct,
  },
  searches: {
    [findLead.key]: findLead,
    [findCustomer.key]: findCustomer,
    [findProduct.key]: findProduct,
  },
  creates: {
    [createLead.key]: createLead,
    [createLeadWithDuplicateCheck.key]: createLeadWithDuplicateCheck,
    [createNote.key]: createNote,
    [createAccount.key]: createAccount,
    [createTask.key]: createTask,
    [sendSmsAction.key]: sendSmsAction,
    [sendSmsTemplateAction.key]: sendSmsTemplateAction,
    [createSignatureDocument.key]: createSignatureDocument,
    [createTicket.key]: createTicket,
    [shortenLink.key]: shortenLink,
    [startTimer.key]: startTimer,
    [stopTimer.key]: stopTimer,
    [createSale.key]: createSale,
    [createProduct.key]: createProduct,
    [createProductCategory.key]: createProductCategory,
    [moveStock.key]: moveStock,
    [addWorkingDays.key]: addWorkingDays,
    [addWeekdays.key]: addWeekdays,
    [countWorkingDays.key]: countWorkingDays,
  },
  searchOrCreates: {
    [findOrCreateLead.key]: findOrCreateLead,
    [findOrCreateCustomer.key]: findOrCreateCustomer,
  },
});
