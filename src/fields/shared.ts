/** Fields that more than one Gloop object has, written once. */

/** The four free slots Gloop gives leads and customers alike. */
export function customSlotFields(of: string, example: string) {
  return (['one', 'two', 'three', 'four'] as const).map((slot, index) => ({
    key: `ext_${slot}` as const,
    label: `Custom Field ${index + 1}`,
    group: 'custom',
    helpText: `A free slot for data with no natural place on the ${of}${example}. Your Gloop admin decides what each slot means.`,
  }));
}

export function subscriberField(of: string) {
  return {
    key: 'is_subscriber',
    label: 'Subscribed to Mailing List',
    type: 'boolean',
    group: 'person',
    helpText: `Yes if the ${of} agreed to receive your mailing list.`,
  } as const;
}

/** Gloop's rule: a full name and a first name; the app fills whichever of the two is blank. */
export function nameFields(of: string, example: string) {
  return [
    {
      key: 'name',
      label: 'Full Name',
      group: 'person',
      helpText: `The ${of}'s full name${example}. Gloop needs a name: fill this, or First Name (and Last Name), and the app fills in the other.`,
    },
    { key: 'f_name', label: 'First Name', group: 'person', helpText: 'Left blank, Gloop gets the full name here, as it asks.' },
    { key: 'l_name', label: 'Last Name', group: 'person', helpText: 'Added to the first name when Full Name is blank.' },
  ] as const;
}

/**
 * Gloop's API cannot list leads or customers, so their dropdowns are empty on purpose: what they
 * give the editor is the "Add a search step" button, which needs a dropdown beside the search.
 */
const LINKS = {
  lead: { key: 'lead_id', label: 'Lead', dynamic: 'lead_list.id.name', search: 'find_lead.id', find: 'Find Lead', from: 'Create Lead' },
  customer: { key: 'account_id', label: 'Customer', dynamic: 'customer_list.id.name', search: 'find_customer.id', find: 'Find Customer', from: 'Create Customer' },
} as const;

/** A field that links to a lead or a customer by its id. */
export function linkField<const To extends keyof typeof LINKS>(to: To, purpose: string) {
  const { key, label, dynamic, search, find, from } = LINKS[to];
  const helpText = `${purpose} Gloop cannot list every ${to}: choose **Add a search step** to find the ${to} with "${find}", or map the ${to}'s ID from an earlier step such as "${from}".`;
  return { key: key as (typeof LINKS)[To]['key'], label, dynamic, search, helpText };
}
