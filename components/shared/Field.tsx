import type { ReactNode } from 'react';

/** A form row: a visible label above the control it names (`id` is the control's). */
export function Field({ id, label, className, children }: { id: string; label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `tk-field ${className}` : 'tk-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
