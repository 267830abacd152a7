import { ID_FIELDS, type IdFields, type IdKind } from './api';
import type { CreatedClock } from './clock';
import type { StoredRecord } from './store';

/** The name of the item of that kind with that id, if there is one. */
export type NameOf = (kind: IdKind, id: string) => string | undefined;

const KIND_NAMES: Record<StoredRecord['kind'], string> = { LEADS: 'ליד', ACCOUNTS: 'לקוח', NOTES: 'הערה', TASKS: 'משימה', SMS: 'SMS', DOCUMENTS: 'מסמך לחתימה', TICKETS: 'פנייה', LINKS: 'קישור מקוצר', TIMERS: 'טיימר', SALES: 'מכירה', PRODUCTS: 'מוצר', CATEGORIES: 'קטגוריית מוצרים', MOVEMENTS: 'תנועת מלאי' };
/** Fields that read left to right whatever the page's direction: `+972…`, not `…972+`. */
const LEFT_TO_RIGHT = new Set(['phone', 'email', 'from', 'target', 'document', 'url', 'short_url']);
/** When a record arrived, as a person in Israel reads it. */
const ISRAEL_TIME = new Intl.DateTimeFormat('he-IL', { timeZone: 'Asia/Jerusalem', dateStyle: 'short', timeStyle: 'medium' });
/** A stamp already in Israel's wall-clock time (marked `Z`) is shown as written. */
const AS_WRITTEN = new Intl.DateTimeFormat('he-IL', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'medium' });

const SHOWN_FIELDS: Record<string, string> = {
  name: 'שם',
  phone: 'טלפון',
  email: 'אימייל',
  company: 'חברה',
  lead_status: 'סטטוס',
  owner: 'נציג',
  status: 'סטטוס',
  lead_id: 'ליד',
  account_id: 'לקוח',
  msg: 'הערה',
  text: 'הערות',
  subject: 'נושא',
  description: 'תיאור',
  due: 'תאריך יעד',
  priority: 'דחיפות',
  from: 'מאת',
  target: 'אל',
  message: 'הודעה',
  template_id: 'תבנית',
  by_user: 'נשלח על ידי',
  document: 'קישור לחתימה',
  department_id: 'מחלקה',
  priority_id: 'דחיפות',
  url: 'קישור',
  short_url: 'קישור מקוצר',
  comment: 'הערה',
  start_time: 'התחיל',
  end_time: 'הסתיים',
  utm_source: 'מקור',
  utm_campaign: 'קמפיין',
  title: 'כותרת',
  products: 'מוצרים',
  sub_total: 'סכום ביניים',
  discount_value: 'הנחה',
  tax: 'מע״מ',
  total: 'סה״כ',
  price: 'מחיר',
  invetory: 'מלאי',
  category: 'קטגוריה',
  product_id: 'מוצר',
  operation: 'פעולה',
  quantity: 'כמות',
  total_after: 'מלאי אחרי',
};

/** A value as a person reads it: an id by the name it has in its own kind, anything else (a quantity, a price) as it is. */
function shown(value: unknown, kind: IdKind | IdFields | undefined, nameOf: NameOf): string {
  if (typeof kind === 'string') return nameOf(kind, String(value)) ?? String(value);
  if (kind !== undefined && Array.isArray(value)) return linesOf(value as Record<string, unknown>[], kind, nameOf);
  return String(value);
}

/** A sale's lines, one to a row: product × quantity at the unit price = the line's total. */
function linesOf(lines: Record<string, unknown>[], kinds: IdFields, nameOf: NameOf): string {
  return lines
    .map((line) => {
      const [product, description, quantity, price, total] = ['product_id', 'description', 'quantity', 'price_per_unit', 'total_product'].map((key) =>
        line[key] === undefined ? '' : shown(line[key], kinds[key], nameOf),
      );
      return `${[product, description].filter(Boolean).join(' – ')} ${quantity} × ${price} = ${total}`;
    })
    .join('\n');
}

/** A Hebrew, right-to-left page of what arrived, newest first, so a person can watch a Zap's lead land. */
export function renderPage(records: StoredRecord[], nameOf: NameOf, created: CreatedClock = 'utc'): string {
  const time = created === 'utc' ? ISRAEL_TIME : AS_WRITTEN;
  const rows = records
    .map((record) => {
      const kinds = ID_FIELDS[record.kind];
      const details = Object.entries(SHOWN_FIELDS)
        .filter(([key]) => record.fields[key] !== undefined && record.fields[key] !== '')
        .map(([key, label]) => {
          const direction = LEFT_TO_RIGHT.has(key) ? ' dir="ltr"' : '';
          return `<dt>${label}</dt><dd class="${key}"${direction}>${escapeHtml(shown(record.fields[key], kinds[key], nameOf))}</dd>`;
        })
        .join('');
      return `<li class="record ${record.kind.toLowerCase()}" data-id="${record.id}"><h2>${KIND_NAMES[record.kind]} <bdi class="id">${record.id}</bdi></h2><time datetime="${record.created}">${time.format(new Date(record.created))}</time><dl>${details}</dl></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="he" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<link rel="icon" href="data:,">
<title>ארגז החול של Gloop</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; background: #f6f7fb; color: #1d2433; }
ol { list-style: none; padding: 0; }
.record { background: #fff; border-radius: 8px; padding: 1rem; margin-bottom: 1rem; box-shadow: 0 1px 3px #0002; }
.record h2 { margin: 0 0 .25rem; font-size: 1.1rem; }
.leads { border-inline-start: 4px solid #4f7cff; } .accounts { border-inline-start: 4px solid #2fa36b; } .notes { border-inline-start: 4px solid #e0a030; }
.tickets { border-inline-start: 4px solid #f39c12; } .links { border-inline-start: 4px solid #7f8c8d; } .timers { border-inline-start: 4px solid #2c3e50; }
.sales { border-inline-start: 4px solid #27ae60; } .products, .categories, .movements { border-inline-start: 4px solid #8e6c3a; }
.tasks { border-inline-start: 4px solid #9b59b6; } .sms { border-inline-start: 4px solid #16a2b8; } .documents { border-inline-start: 4px solid #d9534f; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 0; }
dt { font-weight: 600; } dd { margin: 0; white-space: pre-wrap; } dd[dir="ltr"] { text-align: end; }
time, .id { color: #667; font-size: .85rem; }
</style>
</head>
<body>
<h1>ארגז החול של Gloop</h1>
<p id="summary">${records.length === 0 ? 'עדיין לא הגיע דבר.' : `הגיעו ${records.length} רשומות, החדשות למעלה.`}</p>
<ol id="records">
${rows}
</ol>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
