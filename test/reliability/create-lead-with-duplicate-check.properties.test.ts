import { propertyTest } from './properties';

propertyTest('create_lead_with_duplicate_check');
