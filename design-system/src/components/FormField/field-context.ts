import { createContext, useContext } from 'react';

export interface FieldContextValue {
  controlId: string;
  labelId: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

export const FieldContext = createContext<FieldContextValue | null>(null);

interface ControlAttributes {
  id?: string | undefined;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling' | undefined;
  required?: boolean | undefined;
}

/**
 * Wires a control to the FormField around it: its id (for the label), its hint and error (through
 * aria-describedby) and its invalid and required state. Props passed to the control still win.
 */
export function useFieldControl<T extends ControlAttributes>(props: T) {
  const field = useContext(FieldContext);
  const describedBy = [field?.describedBy, props['aria-describedby']].filter(Boolean).join(' ') || undefined;
  const invalid = props['aria-invalid'] ?? (field?.invalid || undefined);
  return {
    ...props,
    id: props.id ?? field?.controlId,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    required: props.required ?? (field?.required || undefined),
    labelId: field?.labelId,
  };
}
