import { propertyTest } from './properties';

propertyTest('send_sms');
