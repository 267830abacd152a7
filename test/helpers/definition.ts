import { App } from './app';

/** The app definition as plain data, the way Zapier reads it: for tests that read every field of every operation. */
export interface Field {
  key: string;
  label?: string;
  helpText?: string;
  required?: boolean;
  type?: string;
  dynamic?: string;
  search?: string;
  placeholder?: string;
  choices?: { value: string; label: string }[];
  primary?: boolean;
  children?: Field[];
}

export interface Operation {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { type?: string; inputFields?: Field[]; outputFields: Field[]; sample: Record<string, unknown>; perform: unknown; inputFieldGroups?: { key: string; label: string }[] };
}

export type Kind = 'triggers' | 'searches' | 'creates';

export const definition = App as unknown as Record<Kind, Record<string, Operation>> & {
  authentication: { fields: Field[]; connectionLabel?: unknown; test: unknown };
  searchOrCreates: Record<string, { key: string; display: { label: string; description: string }; search: string; create: string }>;
};
