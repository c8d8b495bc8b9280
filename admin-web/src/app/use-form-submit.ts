import { useState, type FormEvent } from 'react';
import { describeError, ProblemError } from '../api/problem';

export interface FormSubmit {
  submit: (event: FormEvent) => void;
  pending: boolean;
  /** A failure not tied to one field, as a sentence. */
  error: string | null;
  /** The problem code behind `error`, to offer a next step (such as signing in instead). */
  errorCode: string | null;
  /** The server's messages per field, for FormField `error`. */
  fieldErrors: Record<string, string>;
  reset: () => void;
}

/**
 * Runs a form's action and sorts its failure into inline field messages (the server's `errors`) or one
 * message for the whole form. `validate` returns the same messages for rules checked before sending.
 */
export function useFormSubmit<T>(
  action: () => Promise<T>,
  onSuccess: (result: T) => void,
  validate?: () => Record<string, string | undefined>,
): FormSubmit {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const clientErrors = Object.fromEntries(
      Object.entries(validate?.() ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    setError(null);
    setErrorCode(null);
    setFieldErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;
    setPending(true);
    action().then(
      (result) => {
        setPending(false);
        onSuccess(result);
      },
      (failure: unknown) => {
        setPending(false);
        const fields = failure instanceof ProblemError ? failure.fieldMessages() : {};
        setFieldErrors(fields);
        setError(Object.keys(fields).length > 0 ? null : describeError(failure));
        setErrorCode(failure instanceof ProblemError ? failure.code : null);
      },
    );
  };

  const reset = () => {
    setError(null);
    setErrorCode(null);
    setFieldErrors({});
  };

  return { submit, pending, error, errorCode, fieldErrors, reset };
}
