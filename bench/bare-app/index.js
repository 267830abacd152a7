// The baseline for the benchmarks: a bare zapier-platform-core app with one trivial create.
const zapier = require('zapier-platform-core');

module.exports = {
  version: '1.0.0',
  platformVersion: zapier.version,
  creates: {
    trivial: {
      key: 'trivial',
      noun: 'Thing',
      display: { label: 'Trivial', description: 'Posts one JSON body and returns the answer.' },
      operation: {
        inputFields: [{ key: 'url' }, { key: 'token' }, { key: 'body', dict: true }],
        perform: async (z, bundle) => {
          const { url, token, body } = bundle.inputData;
          const response = await z.request({ url, method: 'POST', headers: { Authorization: `Bearer ${token}` }, body });
          return response.data;
        },
      },
    },
  },
};
