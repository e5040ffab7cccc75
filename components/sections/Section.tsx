import { useId, type ReactNode } from 'react';

/** One section of the panel or the contact page: a region named by its heading. */
export function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={className ? `tk-section ${className}` : 'tk-section'} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
