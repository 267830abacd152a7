// The entry Zapier loads: the compiled app (`npm run build` writes dist/).
module.exports = require('./dist/src').default;
