import { App } from './helpers/app';

describe('app definition', () => {
  it('passes the platform schema validation', async () => {
    // The same check `zapier-platform validate` runs locally, offline.
    const { createAppHandler } = jest.requireActual('zapier-platform-core') as { createAppHandler: (app: object) => (event: object) => Promise<{ results: unknown[] }> };
    const { results } = await createAppHandler(App)({ command: 'validate' });
    expect(results).toEqual([]);
  });

  it('keeps the dropdown triggers hidden and every operation documented', () => {
    for (const trigger of Object.values(App.triggers)) expect(trigger.display.hidden).toBe(true);
    for (const operation of [...Object.values(App.triggers), ...Object.values(App.creates)]) {
      expect(operation.display.description).toMatch(/^.{20,}$/);
    }
  });
});
