import { propertyTest } from './properties';

propertyTest('working_days_between');
