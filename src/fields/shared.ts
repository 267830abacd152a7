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

/**
 * Gloop's API cannot list leads or customers, so their dropdowns are empty on purpose: what they
 * give the editor is the "Add a search step" button, which needs a dropdown beside the search.
 */
const FIND_OR_MAP = (noun: string, search: string, from: string) =>
  `Gloop cannot list every ${noun}: choose **Add a search step** to find the ${noun} with "${search}", or map the ${noun}'s ID from an earlier step such as "${from}".`;

export function leadLinkField(purpose: string) {
  return {
    key: 'lead_id',
    label: 'Lead',
    dynamic: 'lead_list.id.name',
    search: 'find_lead.id',
    helpText: `${purpose} ${FIND_OR_MAP('lead', 'Find Lead', 'Create Lead')}`,
  } as const;
}

export function customerLinkField(purpose: string) {
  return {
    key: 'account_id',
    label: 'Customer',
    dynamic: 'customer_list.id.name',
    search: 'find_customer.id',
    helpText: `${purpose} ${FIND_OR_MAP('customer', 'Find Customer', 'Create Customer')}`,
  } as const;
}
