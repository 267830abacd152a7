import { propertyTest } from './properties';

propertyTest('move_stock');
