import { propertyTest } from './properties';

propertyTest('create_product');
