import { propertyTest } from './properties';

propertyTest('add_week_days');
