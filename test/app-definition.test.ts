import { App } from './helpers/app';

describe('app definition', () => {
  it('passes the platform schema validation', async () => {
    // The same check `zapier-platform validate` runs locally, offline.
    const { createAppHandler } = jest.requireActual('zapier-platform-core') as { createAppHandler: (app: object) => (event: object) => Promise<{ results: unknown[] }> };
    const { results } = await createAppHandler(App)({ command: 'validate' });
    expect(results).toEqual([]);
  });

  it('keeps the dropdown triggers hidden, shows the five that start a Zap, and documents every operation', () => {
    const shown = Object.values(App.triggers).filter((trigger) => !trigger.display.hidden);
    expect(shown.map((trigger) => trigger.key)).toEqual(['new_lead', 'updated_lead', 'new_customer', 'updated_customer', 'new_product']);
    for (const trigger of Object.values(App.triggers)) expect([trigger.key, trigger.display.hidden === true]).toEqual([trigger.key, trigger.key.endsWith('_list')]);
    for (const operation of [...Object.values(App.triggers), ...Object.values(App.creates)]) {
      expect(operation.display.description).toMatch(/^.{20,}$/);
    }
  });
});
