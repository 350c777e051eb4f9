import { useState } from 'react';
import { ApiFailure } from '../api/client';
import { useApp } from '../store';

/** Form state plus the backend's field messages, shown next to each field. */
export function useForm<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const language = useApp((s) => s.language);
  const t = useApp((s) => s.t);

  const bind = (key: keyof T & string) => ({
    name: key,
    value: values[key] as string,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  async function submit<R>(action: () => Promise<R>): Promise<R | null> {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      return await action();
    } catch (e) {
      if (e instanceof ApiFailure) {
        const fieldMessages = e.error.fields ?? {};
        setFields(fieldMessages);
        // Field messages stand next to their fields; the box above only points there.
        setError(Object.keys(fieldMessages).length > 0 ? t.common.checkFields : language === 'en' && e.error.messageEn ? e.error.messageEn : e.error.message);
      } else setError(String(e));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { values, setValues, bind, fields, error, busy, submit };
}
