import type { PlainInputField } from 'zapier-platform-core';
import { kindOf } from '../../src/fields/values';
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { definition, type Field } from '../helpers/definition';
import { makeAppFiles, MODULES, RPCS, WATCHES, ZAPIER_ONLY_OUTPUTS } from '../../scripts/make/app';
import schema from './make-app.schema.json';
import { PHONE_STARTS } from '../../src/polling/search-trigger';
import { MAKE_APP_ROOT } from './runner';

/** The generated Make app: in sync with its generator, valid, its references whole, and the same fields as the Zapier app. */

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [relative(MAKE_APP_ROOT, join(dir, entry.name))]));
const read = (path: string) => readFileSync(join(MAKE_APP_ROOT, path), 'utf8');
const json = <T = unknown>(path: string) => JSON.parse(read(path)) as T;

interface Component {
  codeFiles: Record<string, string>;
  connection?: string;
  label: string;
  moduleType?: string;
}
const project = json<{ generalCodeFiles: Record<string, string>; components: Record<'connection' | 'module' | 'rpc', Record<string, Component>> }>('makecomapp.json');
// Strict about unknown keywords; types are given where they matter, not repeated under every allOf.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
ajv.addSchema(schema);
const validator = (definition: string) => ajv.getSchema(`make-app#/definitions/${definition}`)!;

/** Which schema each code of each component kind (a module's by its type) is checked against. */
const MODULE_CODES = { staticParams: 'parameters', mappableParams: 'parameters', interface: 'interface', samples: 'samples', scope: 'emptyArray' };
const SCHEMA_OF: Record<string, Record<string, string>> = {
  connection: { communication: 'oauthCommunication', params: 'parameters', common: 'emptyObject', scopeList: 'emptyObject', defaultScope: 'emptyArray', installSpec: 'emptyArray', installDirectives: 'emptyObject' },
  module: { communication: 'moduleCommunication', ...MODULE_CODES },
  trigger: { communication: 'triggerCommunication', epoch: 'epoch', ...MODULE_CODES },
  rpc: { communication: 'rpcCommunication', params: 'parameters' },
};
const schemaOf = (kind: string, component: Component, code: string) => SCHEMA_OF[component.moduleType === 'trigger' ? 'trigger' : kind][code];

const zapier = definition as typeof definition & { authentication: { fields: Field[] } };


describe('the generated Make app', () => {
  it('is in sync with its generator: regenerating changes nothing, and nothing else lies in make/', () => {
    const generated = makeAppFiles();
    expect(listFiles(MAKE_APP_ROOT).sort()).toEqual([...generated.keys()].sort());
    for (const [path, content] of generated) expect([path, read(path)]).toEqual([path, content]);
  });

  it('makecomapp.json is valid, has every component kind, and names every file in make/', () => {
    expect(validator('makecomapp')(project)).toBe(true);
    const named = [...Object.values(project.generalCodeFiles), ...Object.values(project.components).flatMap((components) => Object.values(components).flatMap((component) => Object.values(component.codeFiles)))];
    expect(['makecomapp.json', ...named].sort()).toEqual(listFiles(MAKE_APP_ROOT).sort());
  });

  it.each(
    (['connection', 'module', 'rpc'] as const).flatMap((kind) =>
      Object.entries(project.components[kind]).flatMap(([id, component]) => Object.entries(component.codeFiles).map(([code, path]) => [`${kind} ${id} ${code}`, schemaOf(kind, component, code), path] as const)),
    ),
  )(
    '%s is valid against its schema',
    (_name, definition, path) => {
      const validate = validator(definition);
      const valid = validate(json(path));
      expect([path, valid ? [] : validate.errors]).toEqual([path, []]);
    },
  );

  it.each([
    ['base', 'general/base.iml.json'],
    ['groups', 'modules/groups.json'],
    ['emptyObject', 'general/common.json'],
  ])('the app\'s %s is valid', (definition, path) => {
    const validate = validator(definition);
    expect([validate(json(path)), validate.errors ?? []]).toEqual([true, []]);
  });

  it('a Watch module\'s requests leave their records to the last one, which alone carries the trigger', () => {
    for (const watch of WATCHES) {
      const requests = [json<{ response: Record<string, unknown> }[]>(project.components.module[watch.id].codeFiles.communication)].flat();
      expect([watch.id, requests.map((request) => 'trigger' in request.response)]).toEqual([watch.id, requests.map((_request, index) => index === requests.length - 1)]);
    }
  });

  it('the schema refuses unknown keys and wrong types, so it can fail', () => {
    expect(validator('parameter')({ name: 'x', type: 'text', label: 'X', colour: 'red' })).toBe(false);
    expect(validator('parameter')({ name: 'x', type: 'select', label: 'X' })).toBe(false);
    expect(validator('moduleCommunication')({ url: '/v2/x', method: 'POST', response: { output: {} }, retries: 3 })).toBe(false);
    expect(validator('base')({ baseUrl: 'http://x', response: { error: { type: 'Oops' } } })).toBe(false);
  });

  it.each([
    ['moduleCommunication', 'a PUT without a body', { url: '/v2/timer/1', method: 'PUT', response: { output: {} } }],
    ['moduleCommunication', 'a query string holding an object', { url: '/v2/x', method: 'GET', qs: { a: { b: 1 } }, response: { output: {} } }],
    ['moduleCommunication', 'a url longer than 512 characters', { url: `/${'x'.repeat(512)}`, method: 'GET', response: { output: {} } }],
    ['triggerCommunication', 'a date trigger without its date', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: {}, limit: 1, trigger: { type: 'date', order: 'desc', id: '{{item.id}}' } } }],
    ['triggerCommunication', 'requests none of which carries the trigger', [{ url: '/v2/x', method: 'GET', response: { temp: {} } }, { url: '/v2/y', method: 'GET', response: { output: {} } }]],
    ['epoch', 'an epoch item without its date', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: { label: '{{item.name}}' } } }],
    ['epoch', 'an epoch with a trigger', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: { label: '', date: '' }, trigger: { type: 'id', order: 'asc', id: '' } } }],
    ['parameter', 'an empty help', { name: 'x', type: 'text', label: 'X', help: '' }],
    ['error', 'an error without its message', { type: 'DataError' }],
    ['error', 'an error type Make does not have', { type: 'UnknownError', message: 'x' }],
    ['moduleComponent', 'a trigger with mappable parameters', { label: 'W', description: 'd', moduleType: 'trigger', connection: 'c', codeFiles: { communication: 'a', epoch: 'b', staticParams: 'c', mappableParams: 'd', interface: 'e', samples: 'f', scope: 'g' } }],
    ['moduleCommunication', 'an action with a trigger', { url: '/v2/x', method: 'GET', response: { output: {}, trigger: { type: 'id', order: 'asc', id: '{{item.id}}' } } }],
    ['rpcCommunication', 'an RPC with a trigger', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: { label: '', value: '' }, trigger: { type: 'id', order: 'asc', id: '{{item.id}}' } } }],
    ['oauthCommunication', 'a connection whose info carries a trigger', { token: { url: 'https://x/t', method: 'POST', body: {} }, info: { url: 'https://x/i', method: 'GET', response: { trigger: { type: 'id', order: 'asc', id: '{{item.id}}' } } } }],
    ['triggerCommunication', 'a trigger id of spaces', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: {}, trigger: { type: 'id', order: 'asc', id: '  ' } } }],
    ['epoch', 'an epoch item with an empty date', { url: '/v2/x', method: 'GET', response: { limit: 1, iterate: '{{body}}', output: { label: '{{item.name}}', date: '' } } }],
    ['epoch', 'an epoch that pages', { url: '/v2/x', method: 'GET', pagination: { qs: { offset: 1 } }, response: { limit: 1, iterate: '{{body}}', output: { label: '{{item.name}}', date: '{{item.created}}' } } }],
    ['moduleCommunication', 'a valid without its message', { url: '/v2/x', method: 'GET', response: { output: {}, valid: { condition: '{{true}}' } } }],
    ['triggerCommunication', 'a trigger with an empty id', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: {}, limit: 1, trigger: { type: 'id', order: 'asc', id: '' } } }],
    ['triggerCommunication', 'a limit that is no number', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: {}, limit: 'lots', trigger: { type: 'id', order: 'asc', id: '{{item.id}}' } } }],
    ['triggerCommunication', 'a limit below one', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: {}, limit: -5, trigger: { type: 'id', order: 'asc', id: '{{item.id}}' } } }],
    ['epoch', 'an epoch without its limit', { url: '/v2/x', method: 'GET', response: { iterate: '{{body}}', output: { label: '', date: '' } } }],
    ['moduleComponent', 'a search with a CRUD kind', { label: 'S', description: 'd', moduleType: 'search', actionCrud: 'read', connection: 'c', codeFiles: { communication: 'a', staticParams: 'c', mappableParams: 'd', interface: 'e', samples: 'f', scope: 'g' } }],
    ['moduleComponent', 'an action with an epoch', { label: 'A', description: 'd', moduleType: 'action', connection: 'c', codeFiles: { communication: 'a', epoch: 'b', staticParams: 'c', mappableParams: 'd', interface: 'e', samples: 'f', scope: 'g' } }],
  ])('the %s schema refuses %s, as Make\'s editor does', (definition, _case, code) => {
    expect(validator(definition)(code)).toBe(false);
  });
});

describe('references between the Make app\'s files hold', () => {
  const connectionParams = json<{ name: string }[]>(project.components.connection.gloop.codeFiles.params).map((param) => param.name);
  const connectionData = Object.keys(json<{ token: { response: { data: object } } }>(project.components.connection.gloop.codeFiles.communication).token.response.data);
  const paths = (text: string, root: string) => [...text.matchAll(new RegExp(`\\b${root}\\.([A-Za-z_]\\w*)`, 'g'))].map((match) => match[1]);

  it('every module and RPC uses the connection that exists', () => {
    for (const component of [...Object.values(project.components.module), ...Object.values(project.components.rpc)]) expect(project.components.connection[component.connection!]).toBeDefined();
  });

  it('every rpc:// names an RPC, and every group names a module', () => {
    const everything = listFiles(MAKE_APP_ROOT).map(read).join('\n');
    const rpcs = [...everything.matchAll(/rpc:\/\/(\w+)/g)].map((match) => match[1]);
    expect(rpcs.length).toBeGreaterThanOrEqual(5);
    for (const rpc of rpcs) expect(Object.keys(project.components.rpc)).toContain(rpc);
    for (const group of json<{ modules: string[] }[]>('modules/groups.json')) for (const module of group.modules) expect(Object.keys(project.components.module)).toContain(module);
  });

  it('no request of the Make app follows a redirect, which would carry its token or credentials to another host', () => {
    const connection = json<Record<string, Record<string, unknown>>>(project.components.connection.gloop.codeFiles.communication);
    // A Watch module's communication is several requests in order, and its epoch one more.
    const requestsOf = (id: string, component: Component) =>
      [component.codeFiles.communication, component.codeFiles.epoch].filter((path) => path !== undefined).flatMap((path) => [json<Record<string, unknown> | Record<string, unknown>[]>(path)].flat().map((request) => [id, request] as [string, Record<string, unknown>]));
    const requests: [string, Record<string, unknown>][] = [
      ...Object.entries(connection).map(([name, request]) => [`connection ${name}`, request] as [string, Record<string, unknown>]),
      ...Object.entries({ ...project.components.module, ...project.components.rpc }).flatMap(([id, component]) => requestsOf(id, component)),
    ];
    const watches = WATCHES.map((watch) => project.components.module[watch.id].codeFiles);
    const watchRequests = watches.reduce((count, codes) => count + [json(codes.communication)].flat().length + 1, 0);
    expect(watchRequests).toBe(4 * (PHONE_STARTS.length + 1) + 2);
    expect(requests.length).toBe(3 + Object.keys(project.components.module).length - WATCHES.length + watchRequests + Object.keys(project.components.rpc).length);
    for (const [name, request] of requests) expect([name, request.followRedirects, request.followAllRedirects]).toEqual([name, false, false]);
  });

  it('every parameters.x a module reads is one of its parameters', () => {
    for (const [id, module] of Object.entries(project.components.module)) {
      const params = [module.codeFiles.staticParams, module.codeFiles.mappableParams].filter((path) => path !== undefined).flatMap((path) => json<{ name: string }[]>(path).map((param) => param.name));
      const readers = [module.codeFiles.communication, module.codeFiles.epoch].filter((path) => path !== undefined);
      for (const name of readers.flatMap((path) => paths(read(path), 'parameters'))) expect([id, params.includes(name) ? name : `missing ${name}`]).toEqual([id, name]);
    }
  });

  it('every connection.x is a parameter of the connection or data its token saved; every parameters.x of the connection is its parameter', () => {
    const readers = [project.generalCodeFiles.base, ...Object.values(project.components.module).flatMap((module) => [module.codeFiles.communication, module.codeFiles.epoch].filter((path) => path !== undefined))];
    for (const name of readers.flatMap((path) => paths(read(path), 'connection'))) expect([...connectionParams, ...connectionData]).toContain(name);
    for (const name of paths(read(project.components.connection.gloop.codeFiles.communication), 'parameters')) expect(connectionParams).toContain(name);
    for (const name of paths(read(project.components.connection.gloop.codeFiles.communication), 'data')) expect(connectionData).toContain(name);
  });
});

/** The Make type each Zapier field type stands for, written here apart from the generator. */
const MAKE_TYPE: Record<string, string> = { string: 'text', text: 'text', boolean: 'boolean', datetime: 'date', password: 'password', number: 'number', integer: 'integer' };
interface InterfaceItem {
  name: string;
  label: string;
  type: string;
  spec?: InterfaceItem[];
}
/** The RPC ids published to Make: scenarios keep them, so none may change. */
const MAKE_RPC: Record<string, string> = {
  user_list: 'listUsers',
  lead_status_list: 'listLeadStatuses',
  account_status_list: 'listCustomerStatuses',
  account_type_list: 'listCustomerTypes',
  task_status_list: 'listTaskStatuses',
  task_priority_list: 'listTaskPriorities',
  sms_template_list: 'listSmsTemplates',
  signature_template_list: 'listSignatureTemplates',
  ticket_status_list: 'listTicketStatuses',
  ticket_department_list: 'listTicketDepartments',
  ticket_priority_list: 'listTicketPriorities',
  open_timer_list: 'listOpenTimers',
  sale_status_list: 'listSaleStatuses',
  product_list: 'listProducts',
  product_category_list: 'listProductCategories',
};

function expectParity(params: Record<string, unknown>[], fields: Field[]): void {
  expect(params.map((param) => param.name)).toEqual(fields.map((field) => field.key));
  for (const [index, field] of fields.entries()) {
    const param = params[index];
    if (field.children) {
      // A line item is an array whose spec holds the line's fields.
      expect([param.type, param.label]).toEqual(['array', field.label]);
      expectParity(param.spec as Record<string, unknown>[], field.children);
      continue;
    }
    const dropdown = field.dynamic ? MAKE_RPC[field.dynamic.split('.')[0]] : undefined;
    expect(param).toMatchObject({
      label: field.label,
      help: field.helpText,
      // A yes/no is a Yes/No choice that takes mapped words too (Make's own boolean reads "no" as yes).
      // A day is text the module reads as the Zapier app does; only a moment is Make's date.
      type: field.choices || dropdown || field.type === 'boolean' ? 'select' : kindOf(field as PlainInputField) === 'day' ? 'text' : MAKE_TYPE[field.type ?? 'string'],
    });
    if (field.type === 'boolean') expect(param).toMatchObject({ options: [{ label: 'Yes', value: 'true' }, { label: 'No', value: 'false' }], validate: false });
    expect([field.key, Boolean(param.required)]).toEqual([field.key, Boolean(field.required)]);
    if (dropdown) expect(param.options).toBe(`rpc://${dropdown}`);
    if (field.choices) expect((param.options as { value: string }[]).map((option) => option.value)).toEqual(field.choices.map((choice) => choice.value));
  }
}

describe('parity with the Zapier app', () => {
  it('the connection asks for the same fields, the secret as a password, the domain as a host name', () => {
    const params = json<Record<string, unknown>[]>(project.components.connection.gloop.codeFiles.params);
    expectParity(params, zapier.authentication.fields);
    const pattern = new RegExp(String((params[0].validate as { pattern: string }).pattern));
    for (const good of ['acme.gloopcrm.co.il', 'crm.my-company.com']) expect(pattern.test(good)).toBe(true);
    for (const bad of ['https://acme.gloopcrm.co.il', 'acme.gloopcrm.co.il/v2', 'acme.gloopcrm.co.il:8443', '127.0.0.1', 'localhost', 'user@acme.co.il', '-acme.co.il']) expect([bad, pattern.test(bad)]).toEqual([bad, false]);
  });

  it.each(MODULES.map((spec) => [spec.id, spec] as const))('module %s has the Zapier action\'s fields, outputs and sample keys', (id, spec) => {
    const operation = zapier[spec.kind][spec.zapierKey].operation;
    const module = project.components.module[id];
    expectParity(json(module.codeFiles.mappableParams), operation.inputFields ?? []);
    const outputs = operation.outputFields.filter((field) => !ZAPIER_ONLY_OUTPUTS.includes(field.key));
    // Make gathers a line item's outputs into one array; Zapier names each `products[]quantity`.
    const flat = (items: InterfaceItem[]): InterfaceItem[] =>
      items.flatMap((item) => (item.type === 'array' ? flat(item.spec!).map((line) => ({ ...line, name: `${item.name}[]${line.name}` })) : [item]));
    expect(flat(json<InterfaceItem[]>(module.codeFiles.interface))).toEqual(outputs.map((field) => ({ name: field.key, label: field.label, type: MAKE_TYPE[field.type ?? 'string'] })));
    const communication = json<{ response: { output: Record<string, unknown> } }>(module.codeFiles.communication);
    expect(Object.keys(communication.response.output).sort()).toEqual([...new Set(outputs.map((field) => field.key.split('[]')[0]))].sort());
    expect(Object.keys(json(module.codeFiles.samples) as object).sort()).toEqual(Object.keys(operation.sample).filter((key) => !ZAPIER_ONLY_OUTPUTS.includes(key)).sort());
  });

  it('every Zapier action and search has its Make module, each under its own id', () => {
    expect(MODULES.map((spec) => spec.zapierKey).sort()).toEqual([...Object.keys(zapier.creates), ...Object.keys(zapier.searches)].sort());
    expect(new Set(MODULES.map((spec) => spec.id)).size).toBe(MODULES.length);
  });

  it('only the outputs the Zapier app alone can give are missing from Make, and they are on every Zapier create that has them', () => {
    expect(ZAPIER_ONLY_OUTPUTS).toEqual(['confirmed_by_search', 'left_out']);
    expect(Object.keys(RPCS).sort()).toEqual(Object.keys(MAKE_RPC).sort());
  });
});
