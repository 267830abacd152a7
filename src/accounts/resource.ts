import { personResource } from '../search/leads-and-accounts';

export const customerResource = personResource('ACCOUNTS', 'Customer', { id: '318470115526385338148997581651340149330', name: 'רון לוי', phone: '0541112233' });
