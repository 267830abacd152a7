import { seedId } from './ids';

export interface Choice {
  id: string;
  name: string;
  is_active: 'Y' | 'N';
}

/** The vendor's documented example ids, kept so samples and docs line up with the sandbox. */
export const DOCUMENTED_USER_ID = '253960413951646409173244928790043995930';
export const DOCUMENTED_NEW_STATUS_ID = '233069071553535427697228277840563827497';

const USER_NAMES = ['משה', 'שרה', 'דוד', 'רחל', 'יוסי', 'מיכל', 'אבי', 'נועה', 'משה', 'תמר', 'איתי', 'יעל'];

/** Every fifth user has left the company (`is_active` "N"); names repeat, as they do in Gloop. */
export function seedUser(index: number): Choice & { created: string } {
  return {
    id: index === 0 ? DOCUMENTED_USER_ID : seedId(`user:${index}`),
    name: index < USER_NAMES.length ? USER_NAMES[index] : `${USER_NAMES[index % USER_NAMES.length]} ${index}`,
    is_active: index % 5 === 4 ? 'N' : 'Y',
    created: new Date(Date.UTC(2021, 3, 3) + index * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

const choice = (kind: string, name: string, active = true): Choice => ({ id: seedId(`${kind}:${name}`), name, is_active: active ? 'Y' : 'N' });

export const LEAD_STATUS = {
  new: { id: DOCUMENTED_NEW_STATUS_ID, name: '💫 חדש', is_active: 'Y' } as Choice,
  inProgress: choice('lead_status', '🌟 בטיפול'),
  noAnswer: choice('lead_status', '☎️ אין מענה'),
  followUp: choice('lead_status', '💡 פולו-אפ'),
  interested: choice('lead_status', '⚡️ מעוניין'),
  notInterested: choice('lead_status', '😐 לא מעוניין'),
  duplicate: choice('lead_status', '❗️ כפול'),
  faulty: choice('lead_status', '⛔️ תקול'),
  returningCustomer: choice('lead_status', '⚠️ לקוח חוזר'),
  returningLead: choice('lead_status', '🤖 ליד חוזר'),
  converted: choice('lead_status', '🎉 הומר ללקוח'),
  archived: choice('lead_status', '🗄️ ארכיון', false),
};

/** Statuses of a lead still in a sales process: a new lead matching one of these is a duplicate. */
export const OPEN_LEAD_STATUS_IDS = new Set(
  [LEAD_STATUS.new, LEAD_STATUS.inProgress, LEAD_STATUS.noAnswer, LEAD_STATUS.followUp, LEAD_STATUS.interested].map((status) => status.id),
);

export const ACCOUNT_STATUSES = [choice('account_status', '✅ פעיל'), choice('account_status', '⏸️ מושהה'), choice('account_status', '❌ עזב', false)];
export const ACCOUNT_TYPES = [choice('account_type', '🏢 עסקי'), choice('account_type', '👤 פרטי'), choice('account_type', '🧪 ניסיון', false)];

export const TASK_STATUSES = [choice('task_status', 'פתוח'), choice('task_status', '❗️ בטיפול'), choice('task_status', '✅ סגור'), choice('task_status', '🗄️ ישן', false)];
export const TASK_PRIORITIES = [choice('task_priority', '🟢 נמוכה'), choice('task_priority', '🟠 בינונית'), choice('task_priority', '🔴 דחוף')];

/** SMS templates, with the message each sends; `***שם***` is the name of the lead or customer it is attached to. */
export const SMS_TEMPLATES: (Choice & { msg: string })[] = [
  { ...choice('sms_template', 'ברוכים הבאים'), msg: 'היי ***שם***, תודה שפנית אלינו! נחזור אליך בהקדם.' },
  { ...choice('sms_template', 'תזכורת לפגישה'), msg: 'היי ***שם***, מזכירים את הפגישה שלנו מחר.' },
  { ...choice('sms_template', 'מבצע ישן', false), msg: 'המבצע הסתיים.' },
];

/** Signature templates: their ids are short numbers, as the vendor's example shows. */
export const SIGNATURE_TEMPLATES: (Choice & { is_stand_alone: 'Y' | 'N' })[] = [
  { id: '3', name: 'הסכם התקשרות', is_active: 'Y', is_stand_alone: 'Y' },
  { id: '4', name: 'הצעת מחיר', is_active: 'Y', is_stand_alone: 'Y' },
  { id: '5', name: 'טופס ישן', is_active: 'N', is_stand_alone: 'N' },
];

export const TICKET_STATUSES = [choice('ticket_status', 'פתוח'), choice('ticket_status', '❗️ בטיפול'), choice('ticket_status', '✅ סגור')];
export const TICKET_DEPARTMENTS = [choice('ticket_department', 'תמיכה טכנית'), choice('ticket_department', 'מכירות'), choice('ticket_department', 'הנהלת חשבונות', false)];
export const TICKET_PRIORITIES = [choice('ticket_priority', '🟢 נמוכה'), choice('ticket_priority', '🟠 בינונית'), choice('ticket_priority', '🔴 דחוף')];

/** The vendor's documented sale statuses: draft, waiting for payment, paid, cancelled. */
export const SALE_STATUSES: Choice[] = [
  { id: '234204384077945004415374675367894346525', name: 'טיוטה', is_active: 'Y' },
  { id: '234208723204765111610925577932915778841', name: 'ממתין לתשלום', is_active: 'Y' },
  { id: '234208736313783924216212667316296109106', name: 'שולם', is_active: 'Y' },
  { id: '234208723204766320536745192562090485017', name: 'בוטל', is_active: 'Y' },
];
