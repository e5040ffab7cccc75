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

export function Badge({ status, expanded, onToggle, ref }: { status: BadgeStatus; expanded: boolean; onToggle: () => void; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type="button"
      className={`tk-badge tk-tone-${status.tone}`}
      aria-expanded={expanded}
      aria-haspopup="dialog"
      aria-label={status.detail ? `Tiekeeper: ${status.label}. ${status.detail}` : `Tiekeeper: ${status.label}`}
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
