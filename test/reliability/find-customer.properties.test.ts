import { propertyTest } from './properties';

propertyTest('find_customer');
