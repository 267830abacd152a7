import { propertyTest } from './properties';

propertyTest('add_working_days');
