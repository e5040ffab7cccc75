import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../domain/backup';
import { DAY_MS } from '../domain/constants';
import { profileId } from '../domain/contacts';
import { DEFAULT_SETTINGS, type Contact, type Note, type Profile } from '../domain/model';
import { createRandom, linkedinProfile, personName } from './data';

export interface LargeBackupOptions {
  contacts: number;
  notes: number;
  /** Characters per note; 270 makes 50,000 people with 500,000 notes about 200 MB. */
  noteLength?: number;
  now: number;
}

/**
 * Writes a valid backup of any size straight to a file, record by record, so that even 200 MB
 * never sit in memory: people with a LinkedIn profile each, and notes spread over them. Ids are
 * numbered, so the records are written in the order the database keeps them.
 */
export async function writeLargeBackup(path: string, options: LargeBackupOptions): Promise<number> {
  const random = createRandom(11);
  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const contactId = (i: number) => `c${String(i).padStart(7, '0')}`;
  const { now } = options;
  const profiles: Profile[] = [];

  await write(`{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"exportedAt":${now},"data":{"contacts":[`);
  for (let i = 0; i < options.contacts; i++) {
    const name = personName(random);
    const createdAt = now - random.int(30, 900) * DAY_MS;
    const contact: Contact = {
      id: contactId(i),
      displayName: name,
      headline: 'Projektleitung',
      company: '',
      email: '',
      howWeMet: '',
      hooks: '',
      tags: [],
      cadenceDays: null,
      cadenceSetAt: null,
      lastContactAt: null,
      snoozedUntil: null,
      nextDueAt: null,
      meetInPerson: false,
      connectedAt: null,
      archived: false,
      createdAt,
      updatedAt: createdAt,
    };
    await write(`${i === 0 ? '' : ','}${JSON.stringify(contact)}`);
    const ref = linkedinProfile(name, random);
    profiles.push({ id: profileId('linkedin', ref.key), contactId: contact.id, site: 'linkedin', key: ref.key, url: ref.url, memberId: null, seenName: name, seenHeadline: null, createdAt, seenAt: null });
  }
  await write('],"profiles":[');
  profiles.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const [i, profile] of profiles.entries()) await write(`${i === 0 ? '' : ','}${JSON.stringify(profile)}`);
  await write('],"notes":[');
  const filler = 'Sprach über das Projekt in Leipzig, die Förderung und wer im Team noch Erfahrung damit hat. ';
  const length = options.noteLength ?? 270;
  for (let n = 0; n < options.notes; n++) {
    const createdAt = now - random.int(0, 700) * DAY_MS;
    const body = `${n}: ${filler.repeat(Math.ceil(length / filler.length))}`.slice(0, length);
    const note: Note = { id: `n${String(n).padStart(8, '0')}`, contactId: contactId(n % options.contacts), body, createdAt, updatedAt: createdAt };
    await write(`${n === 0 ? '' : ','}${JSON.stringify(note)}`);
  }
  await write(`],"interactions":[],"introductions":[],"settings":${JSON.stringify(DEFAULT_SETTINGS)}}}\n`);
  out.end();
  await once(out, 'finish');
  return bytes;
}
