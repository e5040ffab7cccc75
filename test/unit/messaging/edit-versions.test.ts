import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../background/router';
import { commands, type Response } from '../../../messaging/protocol';
import type { Contact } from '../../../domain/model';
import { browserDeps, freshDb, T0 } from '../storage/helpers';

const EXT_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const panel = { id: EXT_ID, url: `${ORIGIN}sidepanel.html` };

describe('edits that carry what they began from', () => {
  it('contact.update takes `expected` for the patched fields, checked as the patch is, and a resolve', () => {
    const input = commands['contact.update'].input;
    expect(input.parse({ id: 'c', patch: { hooks: 'Sails' }, expected: { hooks: '' }, resolve: 'mine' })).toEqual({
      id: 'c',
      patch: { hooks: 'Sails' },
      expected: { hooks: '' },
      resolve: 'mine',
    });
    // Bulk and automatic writes send neither.
    expect(input.parse({ id: 'c', patch: { archived: true } })).toEqual({ id: 'c', patch: { archived: true } });
    expect(input.safeParse({ id: 'c', patch: { hooks: 'x' }, expected: { cadenceDays: 0 } }).success).toBe(false);
    expect(input.safeParse({ id: 'c', patch: { hooks: 'x' }, expected: { hooks: 'x'.repeat(5_000) } }).success).toBe(false);
    expect(input.safeParse({ id: 'c', patch: { hooks: 'x' }, resolve: 'both' }).success).toBe(false);
  });

  it('contact.remind and introduction.update take what they began from too', () => {
    const remind = commands['contact.remind'].input;
    expect(remind.parse({ id: 'c', reminder: null, expected: { at: T0, reason: 'Job' }, resolve: 'theirs' })).toMatchObject({
      expected: { at: T0, reason: 'Job' },
      resolve: 'theirs',
    });
    expect(remind.parse({ id: 'c', reminder: { at: T0, reason: '' }, expected: null }).expected).toBeNull();
    expect(remind.safeParse({ id: 'c', reminder: null, expected: { at: -1, reason: '' } }).success).toBe(false);

    const intro = commands['introduction.update'].input;
    expect(intro.parse({ id: 'i', note: 'Both sail', expected: { note: 'Both' } })).toEqual({ id: 'i', note: 'Both sail', expected: { note: 'Both' } });
    expect(intro.safeParse({ id: 'i', status: 'made', expected: { status: 'done' } }).success).toBe(false);
  });

  it('the router refuses a stale field as a conflict naming it, and writes it on `mine`', async () => {
    const handle = createRouter({ ...browserDeps(), db: freshDb(), now: () => T0, extensionOrigin: ORIGIN, extensionId: EXT_ID });
    const value = <T,>(response: Response) => {
      expect(response.ok).toBe(true);
      return (response as { ok: true; value: T }).value;
    };
    const ensured = value<{ contact: Contact }>(
      await handle({ cmd: 'profile.ensure', input: { site: 'linkedin', key: 'anna', url: 'https://www.linkedin.com/in/anna' } }, panel),
    );
    const id = ensured.contact.id;
    value(await handle({ cmd: 'contact.update', input: { id, patch: { company: 'Hafen AG' }, expected: { company: '' } } }, panel));
    const stale = { cmd: 'contact.update', input: { id, patch: { company: 'Werft GmbH' }, expected: { company: '' } } };
    expect(await handle(stale, panel)).toEqual({
      ok: false,
      error: { code: 'conflict', key: 'errorFieldsChangedElsewhere', params: ['company'], details: [] },
    });
    const mine = value<Contact>(await handle({ ...stale, input: { ...stale.input, resolve: 'mine' } }, panel));
    expect(mine.company).toBe('Werft GmbH');
  });
});
