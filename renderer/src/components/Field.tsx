import type { ReactNode } from 'react';

export function Field(props: { label: string; error?: string; hint?: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field${props.wide ? ' wide' : ''}${props.error ? ' has-error' : ''}`}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.error ? <span className="field-error" role="alert">{props.error}</span> : props.hint ? <span className="field-hint">{props.hint}</span> : null}
    </label>
  );
}

export function ErrorBox({ message }: { message: string | null }) {
  return message ? <div className="error-box" role="alert">{message}</div> : null;
}
