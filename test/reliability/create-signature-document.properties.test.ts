import { propertyTest } from './properties';

propertyTest('create_signature_document');
