import { fadingEstimate } from '../../../domain/fading';
import { suggestMeeting } from '../../../domain/meet-in-person';
import type { Contact } from '../../../domain/model';
import type { SnoozeChoice } from '../../../domain/schedule';
import { t, tCount } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import type { ComponentProps } from 'react';
import { ReminderField } from '../../shared/ReminderField';
import { saveField, type SaveContact } from '../../shared/use-draft';
import { RhythmField } from '../../shared/RhythmField';
import { FADING_LABELS, fadingWhy } from '../../../i18n/tie-text';
import { followUpText, lastContactText } from '../format';
import { Card } from './DetailsCard';

export function FollowUpCard(props: {
  contact: Contact;
  now: number;
  onUpdate: SaveContact;
  onSnooze: (choice: SnoozeChoice | null) => Promise<boolean>;
  onRemind: ComponentProps<typeof ReminderField>['onSet'];
}) {
  const { contact, now } = props;
  const followUp = followUpText(contact, now);
  const canSnooze = followUp.tone === 'due' || followUp.tone === 'overdue';
  const fading = fadingEstimate(contact, now);
  return (
    <Card title={t('followUpTitle')}>
      <RhythmField value={contact.cadenceDays} onChange={saveField(props.onUpdate, 'cadenceDays')} />
      <label className="dash-check">
        <input type="checkbox" checked={contact.meetInPerson} onChange={(event) => void props.onUpdate({ meetInPerson: event.target.checked }, { expected: { meetInPerson: contact.meetInPerson } })} />
        {t('fieldMeetInPerson')}
      </label>
      {suggestMeeting(contact) && (
        <p className="tk-suggestion dash-meet-suggestion" role="status">
          {tCount('meetSuggestion', contact.tie?.remoteStreak ?? 0)}
        </p>
      )}
      <dl className="dash-facts">
        <div>
          <dt>{t('columnLastContact')}</dt>
          <dd>
            {lastContactText(contact, now)}
            {contact.lastContactAt !== null && <span className="dash-muted"> ({formatDate(contact.lastContactAt)})</span>}
          </dd>
        </div>
        {contact.connectedAt !== null && (
          <div>
            <dt>{t('columnConnected')}</dt>
            <dd>{formatDate(contact.connectedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('columnNextDue')}</dt>
          <dd>
            {followUp.text ? (
              <span className={`dash-tone dash-tone-${followUp.tone}`}>{followUp.text}</span>
            ) : (
              <span className="dash-muted">{t('followUpNone')}</span>
            )}
            {followUp.title && <span className="dash-muted"> ({followUp.title})</span>}
          </dd>
        </div>
        {fading && (
          <div>
            <dt>{t('columnFading')}</dt>
            <dd>
              <span className={`dash-tone dash-fading-${fading.level}`}>{t(FADING_LABELS[fading.level])}</span>
              <span className="dash-muted"> · {fadingWhy(fading)}</span>
            </dd>
          </div>
        )}
      </dl>
      {(canSnooze || followUp.tone === 'snoozed') && (
        <div className="tk-row tk-wrap" role="group" aria-label={t('snoozeLabel')}>
          {followUp.tone === 'snoozed' ? (
            <button type="button" className="tk-button" onClick={() => void props.onSnooze(null)}>
              {t('snoozeEnd')}
            </button>
          ) : (
            <>
              <span className="dash-muted">{t('snoozeLabel')}:</span>
              {(['1d', '1w', '1m'] as const).map((choice) => (
                <button key={choice} type="button" className="tk-button" onClick={() => void props.onSnooze(choice)}>
                  {t(choice === '1d' ? 'snooze1d' : choice === '1w' ? 'snooze1w' : 'snooze1m')}
                </button>
              ))}
            </>
          )}
        </div>
      )}
      <ReminderField contact={contact} now={Date.now} onSet={props.onRemind} />
    </Card>
  );
}
