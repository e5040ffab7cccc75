import { useMemo, useState } from 'react';
import { otherPerson, type IntroductionView } from '../../../domain/introductions';
import type { Interaction, Note } from '../../../domain/model';
import { t } from '../../../i18n';
import { contactName, formatDate } from '../../../i18n/format';
import { DeletedNote, NoteItem } from '../../sections/NoteList';
import type { NoteEditBase } from '../../profile/api';
import { describeInteraction } from '../../sections/TouchList';
import { routeHref } from '../route';
import { interpolate } from '../ui';

type Entry =
  | { kind: 'note'; at: number; note: Note }
  | { kind: 'interaction'; at: number; interaction: Interaction }
  | { kind: 'connected'; at: number }
  | { kind: 'role'; at: number; headline: string };

/**
 * Notes and interactions together, newest first, the day the tie began (LinkedIn's "Connected
 * On") and the new roles noticed on the user's visits; a deleted note can be brought back.
 */
export function Timeline(props: {
  contactId: string;
  connectedAt: number | null;
  roleChanges: readonly { at: number; headline: string }[];
  notes: readonly Note[];
  interactions: readonly Interaction[];
  introductions: readonly IntroductionView[];
  now: number;
  onEdit: (id: string, body: string, base: NoteEditBase) => Promise<boolean>;
  onDelete: (id: string) => Promise<Note | null>;
  onRestore: (note: Note) => Promise<boolean>;
}) {
  const [deleted, setDeleted] = useState<Note | null>(null);
  const entries = useMemo(() => {
    const all: Entry[] = [
      ...props.notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
      ...props.interactions.map((interaction): Entry => ({ kind: 'interaction', at: interaction.at, interaction })),
    ];
    if (props.connectedAt !== null) all.push({ kind: 'connected', at: props.connectedAt });
    for (const role of props.roleChanges) all.push({ kind: 'role', ...role });
    return all.sort((a, b) => b.at - a.at);
  }, [props.notes, props.interactions, props.connectedAt, props.roleChanges]);

  return (
    // Inside the card titled "Timeline": a second region of that name would only repeat it.
    <div className="tk-section">
      {deleted && <DeletedNote note={deleted} onRestore={props.onRestore} onRestored={() => setDeleted(null)} />}
      {entries.length === 0 ? (
        <p className="dash-muted">{t('timelineEmpty')}</p>
      ) : (
        <ol className="tk-notes dash-timeline">
          {entries.map((entry) =>
            entry.kind === 'note' ? (
              <NoteItem key={entry.note.id} note={entry.note} onEdit={props.onEdit} onDelete={props.onDelete} onDeleted={setDeleted} />
            ) : entry.kind === 'connected' || entry.kind === 'role' ? (
              <li key={`${entry.kind}-${entry.at}`} className="tk-note dash-event">
                <div className="tk-note-meta">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at)}</time>
                </div>
                <p className="tk-note-body">
                  <strong>{t(entry.kind === 'role' ? 'timelineNewRole' : 'timelineConnected')}</strong>
                  {entry.kind === 'role' && <> · {entry.headline}</>}
                </p>
              </li>
            ) : (
              <li key={entry.interaction.id} className="tk-note dash-event">
                <div className="tk-note-meta">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at)}</time>
                </div>
                <InteractionBody interaction={entry.interaction} contactId={props.contactId} introductions={props.introductions} />
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}

/** An interaction on the timeline; an introduction names the other person, with a link to them. */
function InteractionBody({ interaction, contactId, introductions }: { interaction: Interaction; contactId: string; introductions: readonly IntroductionView[] }) {
  const intro = interaction.introductionId === null ? undefined : introductions.find((i) => i.id === interaction.introductionId);
  if (interaction.kind === 'introduction' && intro) {
    const other = otherPerson(intro, contactId);
    const link = <a href={routeHref({ page: 'contact', id: other.id })}>{contactName(other)}</a>;
    return (
      <p className="tk-note-body">
        <strong>{interpolate('timelineIntroducedTo', link)}</strong>
        {intro.note && <> · {intro.note}</>}
      </p>
    );
  }
  const { what, note } = describeInteraction(interaction, contactId, introductions);
  return (
    <p className="tk-note-body">
      <strong>{what}</strong>
      {note && <> · {note}</>}
    </p>
  );
}
