import { personResource } from '../search/leads-and-accounts';

export const leadResource = personResource('LEADS', 'Lead', { id: '271917813959131540676117904886673869329', name: 'ישראל ישראלי', phone: '0501234567' });
