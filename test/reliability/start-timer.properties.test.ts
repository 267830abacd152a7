import { propertyTest } from './properties';

propertyTest('start_timer');
