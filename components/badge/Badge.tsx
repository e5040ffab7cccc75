import type { Ref } from 'react';
import type { BadgeStatus, BadgeTone } from './badge-status';

const ICONS: Record<BadgeTone, string> = {
  new: '+',
  calm: '✓',
  soon: '◷',
  due: '◷',
  overdue: '!',
  snoozed: 'z',
};

export interface BadgeProps {
  status: BadgeStatus;
  /** Whom the badge is about, for screen readers. */
  name: string;
  expanded: boolean;
  onToggle: () => void;
  ref?: Ref<HTMLButtonElement>;
}

export function Badge({ status, name, expanded, onToggle, ref }: BadgeProps) {
  const about = name ? `Tiekeeper, ${name}` : 'Tiekeeper';
  return (
    <button
      ref={ref}
      type="button"
      className={`tk-badge tk-tone-${status.tone}`}
      aria-expanded={expanded}
      aria-haspopup="dialog"
      aria-label={status.detail ? `${about}: ${status.label}. ${status.detail}` : `${about}: ${status.label}`}
      title={status.detail ?? undefined}
      onClick={onToggle}
    >
      <span className="tk-badge-icon" aria-hidden="true">
        {ICONS[status.tone]}
      </span>
      <span className="tk-badge-label">{status.label}</span>
    </button>
  );
}
