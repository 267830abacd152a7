import { propertyTest } from './properties';

propertyTest('shorten_link');
