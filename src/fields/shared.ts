/** The four free slots Gloop gives leads and customers alike. */
export function customSlotFields(of: string, example: string) {
  return (['one', 'two', 'three', 'four'] as const).map((slot, index) => ({
    key: `ext_${slot}` as const,
    label: `Custom Field ${index + 1}`,
    group: 'custom',
    helpText: `A free slot for data with no natural place on the ${of} (שדה נוסף)${example}. Your Gloop admin decides what each slot means.`,
  }));
}

export function subscriberField(of: string) {
  return {
    key: 'is_subscriber',
    label: 'Subscribed to Mailing List',
    type: 'boolean',
    group: 'person',
    helpText: `Yes if the ${of} agreed to receive your mailing list (מנוי לדיוור).`,
  } as const;
}
